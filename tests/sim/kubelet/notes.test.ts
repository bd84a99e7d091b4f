/**
 * The notes' examples (pod-notes.zh.md), run against one kubelet, with the times upstream's code gives them:
 * probe workers tick every periodSeconds from the pod's first sync, PLEG notices runtime changes within 1s, a
 * failed sync is retried after 10–15s, a shell PID 1 ignores TERM until the grace period's KILL.
 */
import type { Container, Pod } from '@/lib/sim/types';
import { createFakeRuntime } from './fake-runtime';
import { createHarness } from './harness';

const nginx = (name: string, extra: Partial<Container> = {}): Container => ({ name, image: 'nginx:1.12-alpine', ...extra });
const uidOf = (p: Pod | undefined) => p!.metadata.uid!;
const sec = (ms: number) => ms / 1000;

describe('liveness-exec-demo', () => {
  const container: Container = {
    name: 'liveness-exec-demo', image: 'busybox',
    args: ['/bin/sh', '-c', ' touch /tmp/healthy;sleep 60; rm -rf /tmp/healthy;sleep 600'],
    livenessProbe: { exec: { command: ['test', '-e', '/tmp/healthy'] } },
  };

  test('is first restarted about two minutes after it starts: 60s, three failed probes 10s apart, then the 30s grace period its shell ignores', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('liveness-exec-demo', [container]);
    h.until(() => h.status('liveness-exec-demo')?.restartCount === 1);
    const [first, second] = rt.started;
    // The file goes at start+60s; the probes that find it missing are the next three ticks (10s apart), the third
    // fails the threshold; TERM is ignored by PID 1, KILL comes 30s later, and the new container starts at once.
    const term = first.signals.find((s) => s.sig === 'TERM')!.at;
    const kill = first.signals.find((s) => s.sig === 'KILL')!.at;
    expect(sec(term - first.startedAt)).toBeGreaterThanOrEqual(80);
    expect(sec(term - first.startedAt)).toBeLessThan(90);
    expect(kill - term).toBe(30_000);
    expect(sec(second.startedAt - first.startedAt)).toBeGreaterThanOrEqual(110);
    expect(sec(second.startedAt - first.startedAt)).toBeLessThan(122);

    const events = h.events('liveness-exec-demo');
    const unhealthy = events.find((e) => e.reason === 'Unhealthy')!;
    expect([unhealthy.type, unhealthy.message, unhealthy.count, unhealthy.involvedObject.fieldPath]).toEqual(['Warning', 'Liveness probe failed: ', 3, 'spec.containers{liveness-exec-demo}']);
    expect(events.find((e) => e.reason === 'Killing')!.message).toBe('Container liveness-exec-demo failed liveness probe, will be restarted');
    h.until(() => h.status('liveness-exec-demo')?.state.running !== undefined && h.status('liveness-exec-demo')!.lastState.terminated !== undefined);
    expect(h.status('liveness-exec-demo')!.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });
});

describe('liveness-http-demo', () => {
  const container = nginx('liveness-http-demo', {
    ports: [{ name: 'http', containerPort: 80 }],
    lifecycle: { postStart: { exec: { command: ['/bin/sh', '-c', ' echo Healthy > /usr/share/nginx/html/healthz'] } } },
    livenessProbe: { httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' } },
  });

  test('stays healthy, and is restarted after `rm healthz`: three 404s, Killing, nginx exits on TERM at once', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('liveness-http-demo', [container]);
    h.clock.advance(120_000);
    expect(h.status('liveness-http-demo')).toMatchObject({ restartCount: 0, ready: true, started: true });
    const proc = h.kubelet.containerProcess('default', 'liveness-http-demo')!;
    expect(proc.exec(['rm', '/usr/share/nginx/html/healthz']).exitCode).toBe(0);
    const removed = h.clock.now();
    h.until(() => h.status('liveness-http-demo')?.restartCount === 1);
    const [first, second] = rt.started;
    expect(sec(first.exit!.at - removed)).toBeGreaterThan(20);
    expect(sec(first.exit!.at - removed)).toBeLessThanOrEqual(30.2); // third tick + the probe's 1ms + nginx's exit on TERM
    expect(first.exit).toMatchObject({ code: 0, reason: 'Completed' });
    expect(second.startedAt - first.exit!.at).toBeLessThan(100); // same sync: kill, then start
    const events = h.events('liveness-http-demo');
    expect(events.filter((e) => e.reason === 'Unhealthy').map((e) => [e.message, e.count])).toEqual([['Liveness probe failed: HTTP probe failed with statuscode: 404', 3]]);
    expect(events.find((e) => e.reason === 'Killing')!.message).toBe('Container liveness-http-demo failed liveness probe, will be restarted');
    // postStart wrote healthz into the new container: no more restarts.
    h.clock.advance(300_000);
    expect(h.status('liveness-http-demo')).toMatchObject({ restartCount: 1, lastState: { terminated: { exitCode: 0, reason: 'Completed' } } });
  });
});

test('liveness-tcp-demo keeps running while nginx listens on 80', () => {
  const rt = createFakeRuntime();
  const h = createHarness({ runtime: rt.runtime });
  h.create('liveness-tcp-demo', [nginx('liveness-tcp-demo', { livenessProbe: { tcpSocket: { port: 80 } } })]);
  h.clock.advance(600_000);
  expect(h.status('liveness-tcp-demo')!.restartCount).toBe(0);
  expect(h.events('liveness-tcp-demo').map((e) => e.reason)).toEqual(['Pulled', 'Created', 'Started']);
});

describe('readiness-tcp-demo', () => {
  const container = nginx('readiness-tcp-demo', { readinessProbe: { tcpSocket: { port: 80 } } });

  test('goes Ready as soon as it starts when nginx listens at once (the probe manager triggers a readiness probe)', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('readiness-tcp-demo', [container]);
    const running = h.until(() => h.get('readiness-tcp-demo')?.status?.phase === 'Running');
    const ready = h.until(() => h.condition('readiness-tcp-demo', 'Ready')?.status === 'True');
    expect(ready - running).toBeLessThan(1000);
    expect(h.condition('readiness-tcp-demo', 'ContainersReady')?.status).toBe('True');
  });

  test('is Running but not Ready until nginx listens; the failed probes say why', () => {
    const rt = createFakeRuntime({ listenAfterMs: 25_000 });
    const h = createHarness({ runtime: rt.runtime });
    h.create('readiness-tcp-demo', [container]);
    h.until(() => h.get('readiness-tcp-demo')?.status?.phase === 'Running');
    expect(h.condition('readiness-tcp-demo', 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [readiness-tcp-demo]' });
    expect(h.status('readiness-tcp-demo')).toMatchObject({ ready: false, started: true });
    const ready = h.until(() => h.condition('readiness-tcp-demo', 'Ready')?.status === 'True');
    const listens = rt.started[0].startedAt + 25_000;
    expect(ready).toBeGreaterThanOrEqual(listens);
    expect(ready - listens).toBeLessThanOrEqual(10_000); // the next probe tick
    const ip = h.get('readiness-tcp-demo')!.status!.podIP;
    const failed = h.events('readiness-tcp-demo').find((e) => e.reason === 'Unhealthy')!;
    expect(failed.message).toBe(`Readiness probe failed: dial tcp ${ip}:80: connect: connection refused`);
  });
});

describe('restartPolicy and the CrashLoopBackOff back-off', () => {
  const crasher = (runSeconds: number): Container => ({ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', `sleep ${runSeconds}; exit 1`] });

  test('restarts at once after the first crash, then after 10s, 20s, 40s, 80s, 160s, 300s, 300s (plus up to one 10–15s requeue)', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('crash', [crasher(1)]);
    const messages = new Set<string>();
    h.until(() => {
      const m = h.status('crash')?.state.waiting?.message;
      if (m) messages.add(m);
      return rt.started.length >= 9;
    }, 3_600_000);
    const waits = rt.started.slice(1).map((c, i) => (c.startedAt - rt.started[i].exit!.at) / 1000);
    const backoffs = [0, 10, 20, 40, 80, 160, 300, 300];
    waits.forEach((w, i) => {
      expect(w).toBeGreaterThanOrEqual(backoffs[i]);
      expect(w).toBeLessThanOrEqual(backoffs[i] + (i === 0 ? 1.05 : 16.05)); // relist ≤1s, requeue 10–15s, create ≤40ms
    });
    const pod = `crash_default(${uidOf(h.get('crash'))})`;
    expect([...messages]).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s'].map((d) => `back-off ${d} restarting failed container=main pod=${pod}`));
    const backOff = h.events('crash').find((e) => e.reason === 'BackOff')!;
    expect([backOff.type, backOff.message, backOff.involvedObject.fieldPath]).toEqual(['Warning', `Back-off restarting failed container main in pod ${pod}`, 'spec.containers{main}']);
    expect(backOff.count).toBeGreaterThan(7);
  });

  test('status between crashes: Error at first, then waiting CrashLoopBackOff with the last termination, restartCount the restarts so far', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('crash', [crasher(1)]);
    h.until(() => rt.started.length === 2 && !rt.started[1].alive());
    h.until(() => h.status('crash')?.state.terminated !== undefined);
    expect(h.status('crash')).toMatchObject({ restartCount: 1, state: { terminated: { exitCode: 1, reason: 'Error' } }, lastState: { terminated: { exitCode: 1, reason: 'Error' } } });
    h.until(() => h.status('crash')?.state.waiting?.reason === 'CrashLoopBackOff');
    expect(h.status('crash')).toMatchObject({ restartCount: 1, ready: false, started: false, lastState: { terminated: { exitCode: 1, reason: 'Error' } } });
    expect(h.get('crash')!.status!.phase).toBe('Running');
  });

  test('the back-off starts over once a container ran more than 10 minutes since its last restart', () => {
    const waitsFor = (runSeconds: number) => {
      const rt = createFakeRuntime();
      const h = createHarness({ runtime: rt.runtime });
      h.create('crash', [crasher(runSeconds)]);
      h.until(() => rt.started.length >= 4, 7_200_000);
      return rt.started.slice(1).map((c, i) => (c.startedAt - rt.started[i].exit!.at) / 1000);
    };
    for (const w of waitsFor(620)) expect(w).toBeLessThanOrEqual(1.05); // 620s > 600s since the restart: never in back-off (relist + create)
    const short = waitsFor(590);
    expect(short[0]).toBeLessThanOrEqual(1.05);
    expect(short[1]).toBeGreaterThanOrEqual(10);
    expect(short[2]).toBeGreaterThanOrEqual(20);
  });

  test.each<[string, string, number, string]>([
    ['Never', 'exit 1', 0, 'Failed'],
    ['Never', 'exit 0', 0, 'Succeeded'],
    ['OnFailure', 'exit 0', 0, 'Succeeded'],
    ['OnFailure', 'exit 3', 1, 'Running'],
    ['Always', 'exit 0', 1, 'Running'],
  ])('restartPolicy %s, `%s`: restarts %i, phase %s', (policy, script, restarts, phase) => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('p', [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', `sleep 5; ${script}`] }], { restartPolicy: policy });
    h.clock.advance(11_000); // sandbox ≤2.2s + 5s + relist ≤1s: exited and, if at all, restarted; not yet again
    expect(rt.started.length - 1).toBe(restarts);
    expect(h.get('p')!.status!.phase).toBe(phase);
  });

  test('a completed pod reports its end: Succeeded, Ready False PodCompleted, the sandbox gone', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('job', [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 2; exit 0'] }], { restartPolicy: 'Never' });
    h.clock.advance(10_000);
    expect(h.get('job')!.status!.phase).toBe('Succeeded');
    expect(h.condition('job', 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(h.condition('job', 'Initialized')).toMatchObject({ status: 'True', reason: 'PodCompleted' });
    expect(h.condition('job', 'PodReadyToStartContainers')?.status).toBe('False');
    expect(h.status('job')!.state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });
});

describe('init containers', () => {
  const init = (name: string, script: string): Container => ({ name, image: 'busybox:1.36', command: ['sh', '-c', script] });

  test('run one at a time, in order, before the main container (the notes\' init-something)', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('myapp', [{ name: 'myapp', image: 'ikubernetes/myapp:v1' }], { initContainers: [init('init-something', 'sleep 10'), init('init-more', 'sleep 3')] });
    h.clock.advance(5_000);
    const pod = h.get('myapp')!;
    expect(pod.status!.phase).toBe('Pending');
    expect(h.status('myapp', 'init-something')!.state.running).toBeDefined();
    expect(h.status('myapp', 'init-more')!.state.waiting).toEqual({ reason: 'PodInitializing' });
    expect(h.status('myapp', 'myapp')!.state.waiting).toEqual({ reason: 'PodInitializing' });
    expect(h.condition('myapp', 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [init-something init-more]' });
    h.until(() => h.get('myapp')!.status!.phase === 'Running');
    const [a, b, c] = rt.started.map((x) => x.opts.container.name);
    expect([a, b, c]).toEqual(['init-something', 'init-more', 'myapp']);
    expect(rt.started[1].startedAt).toBeGreaterThanOrEqual(rt.started[0].exit!.at);
    expect(rt.started[2].startedAt).toBeGreaterThanOrEqual(rt.started[1].exit!.at);
    expect(h.status('myapp', 'init-something')).toMatchObject({ ready: true, started: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    expect(h.condition('myapp', 'Initialized')?.status).toBe('True');
  });

  test('a failing init container fails the pod under restartPolicy Never', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('p', [nginx('web')], { restartPolicy: 'Never', initContainers: [init('setup', 'exit 1')] });
    h.clock.advance(10_000);
    expect(h.get('p')!.status!.phase).toBe('Failed');
    expect(rt.started.map((x) => x.opts.container.name)).toEqual(['setup']);
  });

  test('a failing init container is restarted with the crash-loop back-off otherwise', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('p', [nginx('web')], { initContainers: [init('setup', 'exit 1')] });
    h.until(() => h.status('p', 'setup')?.state.waiting?.reason === 'CrashLoopBackOff', 120_000);
    expect(h.status('p', 'setup')!.state.waiting!.message).toBe(`back-off 10s restarting failed container=setup pod=p_default(${uidOf(h.get('p'))})`);
    expect(h.status('p', 'web')!.state.waiting).toEqual({ reason: 'PodInitializing' });
    expect(h.get('p')!.status!.phase).toBe('Pending');
  });

  test('a sidecar (restartable init container) keeps running beside the main container', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('p', [nginx('web')], { initContainers: [{ ...init('logger', 'sleep 3600'), restartPolicy: 'Always' }] });
    h.until(() => h.get('p')!.status!.phase === 'Running' && h.condition('p', 'Ready')?.status === 'True');
    expect(h.status('p', 'logger')).toMatchObject({ started: true, ready: true, state: { running: {} } });
    expect(rt.started.map((x) => x.opts.container.name)).toEqual(['logger', 'web']);
  });
});

describe('lifecycle hooks', () => {
  test('postStart runs right after Started; the container shows as Running only once it returns', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('p', [nginx('web', { lifecycle: { postStart: { exec: { command: ['sh', '-c', 'sleep 5'] } } } })]);
    h.until(() => h.events('p').some((e) => e.reason === 'Started'));
    const started = h.clock.now();
    h.clock.advance(4_000);
    expect(h.status('p')!.state.waiting?.reason).toBe('ContainerCreating');
    const running = h.until(() => h.status('p')!.state.running !== undefined);
    expect(running - started).toBeGreaterThanOrEqual(5_000);
    expect(running - started).toBeLessThanOrEqual(6_000);
  });

  test('a failing postStart: FailedPostStartHook, the container killed with that message, PostStartHookError, then a retry', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('p', [nginx('web', { lifecycle: { postStart: { exec: { command: ['sh', '-c', 'exit 1'] } } } })]);
    h.until(() => h.status('p')?.state.waiting?.reason === 'PostStartHookError');
    const uid = uidOf(h.get('p'));
    expect(h.status('p')!.state.waiting!.message).toBe(`Exec lifecycle hook ([sh -c exit 1]) for Container "web" in Pod "p_default(${uid})" failed - error: command 'sh -c exit 1' exited with 1: , message: ""`);
    const events = h.events('p').map((e) => `${e.type} ${e.reason} ${e.message}`);
    expect(events).toEqual(expect.arrayContaining(['Warning FailedPostStartHook PostStartHook failed', 'Normal Killing FailedPostStartHook']));
    h.until(() => rt.started.length === 2, 30_000);
  });

  test('preStop runs before TERM and its time counts against the grace period', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('p', [nginx('web', { lifecycle: { preStop: { exec: { command: ['sh', '-c', 'sleep 10'] } } } })]);
    h.clock.advance(30_000);
    h.api.delete('pods', 'default', 'p');
    const t0 = h.clock.now();
    h.until(() => !h.get('p'));
    const [c] = rt.started;
    expect(c.signals).toEqual([{ sig: 'TERM', at: t0 + 10_000 }]);
    expect(h.clock.now() - t0).toBeLessThan(11_000);
  });

  test('a preStop that outlives the grace period gets TERM at its end and KILL 2s later (minimumGracePeriodInSeconds)', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('p', [{ name: 'sh', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'], lifecycle: { preStop: { exec: { command: ['sh', '-c', 'sleep 60'] } } } }]);
    h.clock.advance(30_000);
    h.api.delete('pods', 'default', 'p');
    const t0 = h.clock.now();
    h.until(() => !h.get('p'));
    expect(rt.started[0].signals).toEqual([{ sig: 'TERM', at: t0 + 30_000 }, { sig: 'KILL', at: t0 + 32_000 }]);
  });

  test('a failing preStop is reported and termination goes on', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('p', [nginx('web', { lifecycle: { preStop: { exec: { command: ['false'] } } } })]);
    h.clock.advance(30_000);
    h.api.delete('pods', 'default', 'p');
    h.clock.settle();
    expect(h.events('p').filter((e) => e.reason === 'FailedPreStopHook').map((e) => `${e.type} ${e.message}`)).toEqual(['Warning PreStopHook failed']);
    h.until(() => !h.get('p'), 5_000);
  });
});

describe('probes', () => {
  test('a startup probe holds liveness and readiness back, and `started` follows it', () => {
    const rt = createFakeRuntime({ listenAfterMs: 40_000 });
    const h = createHarness({ runtime: rt.runtime });
    h.create('p', [nginx('web', {
      startupProbe: { tcpSocket: { port: 80 }, periodSeconds: 5, failureThreshold: 30 },
      livenessProbe: { tcpSocket: { port: 80 }, failureThreshold: 1 },
    })]);
    h.clock.advance(30_000);
    expect(h.status('p')).toMatchObject({ started: false, ready: false, restartCount: 0 });
    h.until(() => h.status('p')!.started === true, 60_000);
    expect(h.status('p')!.ready).toBe(true);
    expect(h.clock.now() - rt.started[0].startedAt).toBeGreaterThanOrEqual(40_000);
    h.clock.advance(60_000);
    expect(h.status('p')!.restartCount).toBe(0);
  });

  test('a failed startup probe restarts the container: "failed startup probe, will be restarted"', () => {
    const rt = createFakeRuntime({ listenAfterMs: 3_600_000 });
    const h = createHarness({ runtime: rt.runtime });
    h.create('p', [nginx('web', { startupProbe: { tcpSocket: { port: 80 }, periodSeconds: 10, failureThreshold: 3 } })]);
    h.until(() => rt.started.length === 2, 120_000);
    expect(h.events('p').find((e) => e.reason === 'Killing')!.message).toBe('Container web failed startup probe, will be restarted');
  });

  test('a liveness kill uses the probe-level terminationGracePeriodSeconds', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('p', [{ name: 'sh', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'], livenessProbe: { exec: { command: ['false'] }, failureThreshold: 1, terminationGracePeriodSeconds: 5 } }]);
    h.until(() => rt.started[0]?.signals.length === 2, 60_000);
    const [term, kill] = rt.started[0].signals;
    expect(kill.at - term.at).toBe(5_000);
  });

  test('an exec probe slower than timeoutSeconds fails with the CRI timeout error', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('p', [nginx('web', { readinessProbe: { exec: { command: ['sleep', '3'] }, timeoutSeconds: 1 } })]);
    h.clock.advance(30_000);
    expect(h.events('p').find((e) => e.reason === 'Unhealthy')!.message).toBe('Readiness probe failed: command timed out: "sleep 3" timed out after 1s');
    expect(h.condition('p', 'Ready')?.status).toBe('False');
  });
});

describe('termination', () => {
  test('nginx: Killing "Stopping container", exit 0 on TERM, the final status, then the pod is gone', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('web', [nginx('web')]);
    h.clock.advance(30_000);
    const statuses: string[] = [];
    const unwatch = h.api.watch('pods', ({ type, object }) => statuses.push(`${type} ${(object as Pod).status?.phase} ${(object as Pod).status?.containerStatuses?.[0].state.terminated?.exitCode ?? '-'}`));
    h.api.delete('pods', 'default', 'web');
    const t0 = h.clock.now();
    h.until(() => !h.get('web'));
    unwatch();
    expect(h.clock.now() - t0).toBeLessThan(2000);
    expect(rt.started[0].signals.map((s) => s.sig)).toEqual(['TERM']);
    expect(h.events('web').filter((e) => e.reason === 'Killing').map((e) => e.message)).toEqual(['Stopping container web']);
    expect(statuses).toContain('MODIFIED Succeeded 0');
    expect(statuses.at(-1)).toBe('DELETED Succeeded 0');
  });

  test.each([[5, 5_000], [1, 2_000]])('a shell that ignores TERM is killed when deletionGracePeriodSeconds=%i runs out (at least 2s)', (grace, expected) => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('sh', [{ name: 'sh', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] }], { terminationGracePeriodSeconds: grace });
    h.clock.advance(30_000);
    h.api.delete('pods', 'default', 'sh', { gracePeriodSeconds: grace });
    h.until(() => !h.get('sh'));
    const [term, kill] = rt.started[0].signals;
    expect(kill.at - term.at).toBe(expected);
    expect(rt.started[0].exit).toMatchObject({ code: 137 });
  });
});

describe('resources', () => {
  test('the runtime gets the limits; an OOM kill is reported as OOMKilled and restarted per policy', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('stress', [{ name: 'stress', image: 'ikubernetes/stress-ng', command: ['stress', '--vm-bytes', '250Mi'], resources: { limits: { cpu: '500m', memory: '100Mi' } } }]);
    h.until(() => h.status('stress')?.restartCount === 1 && h.status('stress')!.lastState.terminated !== undefined, 60_000);
    expect(rt.started[0].opts.limits).toEqual({ cpuMilli: 500, memoryBytes: 100 * 1024 * 1024 });
    expect(h.status('stress')!.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    h.until(() => h.status('stress')?.state.waiting?.reason === 'CrashLoopBackOff', 60_000);
  });

  test('the container environment: the container env, then the kubernetes service links (HOSTNAME is containerd\'s)', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.api.create('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default' }, spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] } });
    h.create('env', [nginx('web', { env: [{ name: 'MODE', value: 'demo' }] })]);
    h.until(() => rt.started.length === 1);
    const env = rt.started[0].opts.env.map((e) => `${e.name}=${e.value}`);
    expect(env[0]).toBe('MODE=demo');
    expect(env.some((e) => e.startsWith('HOSTNAME='))).toBe(false);
    expect(env).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1');
    expect(env).toContain('KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443');
  });

  test('kubectl top sees what the runtime reports, from metrics-server\'s last 15s scrape', () => {
    const rt = createFakeRuntime({ cpuMilli: 250 });
    const h = createHarness({ runtime: rt.runtime });
    h.create('hog', [{ name: 'hog', image: 'busybox:1.36', command: ['sh', '-c', 'alloc 64Mi; sleep 3600'] }]);
    h.clock.advance(5_000);
    expect(h.kubelet.podMetrics()).toEqual([]); // not scraped twice yet
    h.clock.advance(30_000);
    const [m] = h.kubelet.podMetrics();
    expect(m).toMatchObject({ namespace: 'default', name: 'hog', window: '15s', containers: [{ name: 'hog', cpuMilli: 250, memoryBytes: 65 * 1024 * 1024 }] });
    const node = h.kubelet.nodeMetrics();
    expect(node.memoryBytes).toBe((460 + 65) * 1024 * 1024);
    expect(node.cpuMilli).toBe(40 + 250);
  });
});

describe('images', () => {
  test('an unknown tag: ErrImagePull, then ImagePullBackOff with a BackOff event, and pulls again later', () => {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime });
    h.create('bad', [{ name: 'web', image: 'nginx:no-such-tag' }]);
    h.until(() => h.status('bad')?.state.waiting?.reason === 'ErrImagePull', 30_000);
    h.until(() => h.status('bad')?.state.waiting?.reason === 'ImagePullBackOff', 60_000);
    expect(h.status('bad')!.state.waiting!.message).toBe('Back-off pulling image "nginx:no-such-tag"');
    const events = h.events('bad').map((e) => `${e.type} ${e.reason} ${e.message}`);
    expect(events).toEqual(expect.arrayContaining(['Normal BackOff Back-off pulling image "nginx:no-such-tag"', 'Warning Failed Error: ImagePullBackOff', 'Warning Failed Error: ErrImagePull']));
  });
});
