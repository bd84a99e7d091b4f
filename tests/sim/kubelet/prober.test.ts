import { createVirtualClock } from '@/lib/sim/clock';
import { createRandom } from '@/lib/sim/random';
import { createProbeManager, probeUserAgent, resolveContainerPort, runProbe, type ProbeType } from '@/lib/sim/kubelet/prober';
import type { ContainerProcess, HttpResult } from '@/lib/sim/runtime/types';
import type { Container, Pod, PodStatus, Probe } from '@/lib/sim/types';

const T0 = Date.UTC(2025, 8, 15, 9, 0, 0);
const testContainerID = 'containerd://cafe';

/** A process whose probe answers the test sets. */
function fakeProcess() {
  const p = {
    exitCode: 0,
    stdout: '',
    durationMs: 0,
    http: { status: 200, body: 'ok', durationMs: 1 } as HttpResult,
    listens: new Set<number>([80]),
    lastHeaders: {} as Record<string, string>,
    lastPath: '',
    proc: undefined as unknown as ContainerProcess,
  };
  p.proc = {
    signal() {}, dispose() {},
    exec: () => ({ stdout: p.stdout, stderr: '', exitCode: p.exitCode, durationMs: p.durationMs }),
    httpGet: (_port, path, headers) => { p.lastHeaders = headers ?? {}; p.lastPath = path; return p.http; },
    listening: (port) => p.listens.has(port),
    usage: () => ({ cpuMilli: 0, memoryBytes: 0, throttledMs: 0 }),
    logs: () => '',
  };
  return p;
}

const runningStatus = (over: Partial<{ containerID: string; started: boolean; phase: string; state: PodStatus['containerStatuses'] }> = {}): PodStatus => ({
  phase: over.phase ?? 'Running',
  podIP: '10.244.1.5',
  containerStatuses: [{
    name: 'c', containerID: over.containerID ?? testContainerID, image: 'busybox', imageID: '', ready: false, restartCount: 0,
    started: over.started ?? true, lastState: {}, state: { running: { startedAt: '2025-09-15T09:00:00Z' } },
  }],
});

/** One pod, one container, one probe worker of `type`, driven by a fake host. */
function setup(type: ProbeType, probe: Probe, restartPolicy = 'Never') {
  const clock = createVirtualClock(T0);
  const p = fakeProcess();
  const handler = probe.httpGet || probe.tcpSocket || probe.grpc ? {} : { exec: { command: ['true'] } };
  const spec: Probe = { periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3, ...handler, ...probe };
  const container: Container = { name: 'c', image: 'busybox', [type === 'Liveness' ? 'livenessProbe' : type === 'Readiness' ? 'readinessProbe' : 'startupProbe']: spec };
  const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'uid-1' }, spec: { containers: [container], restartPolicy } };
  const s = { status: undefined as PodStatus | undefined, startedAt: T0 };
  const updates: string[] = [];
  const events: string[] = [];
  const m = createProbeManager({
    clock, random: createRandom(1), kubeletStart: T0 - 3_600_000,
    pod: () => pod, cachedStatus: () => s.status, startedAt: () => s.startedAt,
    process: () => p.proc,
    recordContainerEvent: (_pod, _c, type_, reason, message) => events.push(`${type_} ${reason} ${message}`),
    onResult: (t, _uid, id, result) => updates.push(`${t} ${id} ${result}`),
  });
  m.addPod(pod);
  const probeOnce = () => clock.advance(10_000);
  clock.settle(); // the first probe runs right away
  return { clock, p, m, s, events, updates, probeOnce, result: () => m.get(type, s.status?.containerStatuses?.[0].containerID ?? testContainerID), alive: () => m.hasWorker('uid-1', 'c', type) };
}

describe('worker.go doProbe (TestDoProbe)', () => {
  const pending = runningStatus(); pending.containerStatuses![0].state = { waiting: {} };
  const terminated = runningStatus(); terminated.containerStatuses![0].state = { terminated: { exitCode: 0, startedAt: '2025-09-15T09:00:00Z' } };
  const other = runningStatus(); other.containerStatuses![0].name = 'otherContainer';
  const cases: Array<[string, PodStatus | undefined, Probe, boolean, string | undefined]> = [
    ['no status', undefined, {}, true, undefined],
    ['pod failed', runningStatus({ phase: 'Failed' }), {}, false, undefined],
    ['no container status', other, {}, true, undefined],
    ['container waiting', pending, {}, true, 'Failure'],
    ['container terminated', terminated, {}, false, undefined], // set to Failure, then cleared as the worker exits
    ['probe successful', runningStatus(), {}, true, 'Success'],
    ['initial delay passed', runningStatus(), { initialDelaySeconds: -100 }, true, 'Success'],
  ];
  test.each((['Liveness', 'Readiness'] as const).flatMap((t) => cases.map((c) => [t, ...c] as const)))('%s: %s', (type, _name, status, probe, keepGoing, result) => {
    const t = setup(type, probe);
    t.s.status = status;
    t.probeOnce();
    expect(t.alive()).toBe(keepGoing);
    expect(t.m.get(type, testContainerID)).toBe(result);
  });
});

test.each(['Liveness', 'Readiness'] as const)('TestInitialDelay (%s): the initial value holds until initialDelaySeconds passed', (type) => {
  const t = setup(type, { initialDelaySeconds: 10 });
  t.s.status = runningStatus();
  t.s.startedAt = t.clock.now() + 10_000; // started as the next probe runs
  t.probeOnce();
  expect(t.result()).toBe(type === 'Liveness' ? 'Success' : 'Failure');
  t.s.startedAt = t.clock.now() - 100_000;
  t.probeOnce();
  expect(t.result()).toBe('Success');
});

test('TestFailureThreshold: three failures in a row turn readiness to Failure', () => {
  const t = setup('Readiness', { successThreshold: 1, failureThreshold: 3 });
  t.s.status = runningStatus();
  for (let i = 0; i < 2; i++) {
    t.p.exitCode = 0;
    for (let j = 0; j < 3; j++) { t.probeOnce(); expect(t.result()).toBe('Success'); }
    t.p.exitCode = 1;
    for (let j = 0; j < 2; j++) { t.probeOnce(); expect(t.result()).toBe('Success'); }
    for (let j = 0; j < 3; j++) { t.probeOnce(); expect(t.result()).toBe('Failure'); }
  }
});

test('TestSuccessThreshold: three successes in a row turn readiness to Success', () => {
  const t = setup('Readiness', { successThreshold: 3, failureThreshold: 1 });
  t.s.status = runningStatus();
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) { t.probeOnce(); expect(t.result()).toBe('Failure'); }
    for (let j = 0; j < 3; j++) { t.probeOnce(); expect(t.result()).toBe('Success'); }
    t.p.exitCode = 1;
    t.probeOnce();
    expect(t.result()).toBe('Failure');
    t.p.exitCode = 0;
  }
});

test('TestOnHoldOnLivenessCheckFailure: after a liveness failure the worker waits for a new container', () => {
  const t = setup('Liveness', { successThreshold: 1, failureThreshold: 1 }, 'Always');
  t.s.status = runningStatus();
  t.p.exitCode = 1;
  t.probeOnce();
  expect(t.result()).toBe('Failure');
  t.p.exitCode = 0;
  t.probeOnce();
  expect(t.result()).toBe('Failure'); // on hold: not probed
  t.s.status = runningStatus({ containerID: 'containerd://newCont_ID' });
  t.probeOnce();
  expect(t.m.get('Liveness', 'containerd://newCont_ID')).toBe('Success');
});

test('TestLivenessProbeDisabledByStarted: liveness waits for the container to be started', () => {
  const t = setup('Liveness', { successThreshold: 1, failureThreshold: 1 });
  t.s.status = runningStatus({ started: false });
  t.p.exitCode = 1;
  t.probeOnce();
  expect(t.result()).toBe('Success');
  t.s.status = runningStatus({ started: true });
  t.probeOnce();
  expect(t.result()).toBe('Failure');
});

test('TestStartupProbeDisabledByStarted: startup stops probing once the container is started', () => {
  const t = setup('Startup', { successThreshold: 1, failureThreshold: 2 });
  t.s.status = runningStatus({ started: false });
  t.p.exitCode = 1;
  t.probeOnce();
  expect(t.result()).toBe('Unknown');
  t.p.exitCode = 0;
  t.probeOnce();
  expect(t.result()).toBe('Success');
  t.s.status = runningStatus({ started: true });
  t.p.exitCode = 1;
  t.probeOnce();
  expect(t.result()).toBe('Success');
});

test('results.Manager reports changes only', () => {
  const t = setup('Readiness', {});
  t.s.status = runningStatus();
  for (let i = 0; i < 5; i++) t.probeOnce();
  expect(t.updates).toEqual([`Readiness ${testContainerID} Failure`, `Readiness ${testContainerID} Success`]);
});

test('right after a kubelet start, the first probe waits a random part of the period (worker.go run)', () => {
  const clock = createVirtualClock(T0);
  const p = fakeProcess();
  const container: Container = { name: 'c', livenessProbe: { periodSeconds: 10, failureThreshold: 1, exec: { command: ['false'] } } };
  const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', uid: 'u' }, spec: { containers: [container] } };
  const probedAt: number[] = [];
  const m = createProbeManager({
    clock, random: createRandom(5), kubeletStart: T0,
    pod: () => pod, cachedStatus: () => runningStatus(), startedAt: () => T0 - 60_000,
    process: () => { probedAt.push(clock.now() - T0); return p.proc; },
    recordContainerEvent: () => {}, onResult: () => {},
  });
  m.addPod(pod);
  clock.advance(25_000);
  expect(probedAt[0]).toBeGreaterThan(0);
  expect(probedAt[0]).toBeLessThan(10_000);
  expect(probedAt[1] - probedAt[0]).toBe(10_000);
});

describe('prober.go probe: outputs and events', () => {
  const container: Container = { name: 'c', ports: [{ name: 'http', containerPort: 80 }] };
  test.each<[string, Probe, (p: ReturnType<typeof fakeProcess>) => void, string, string]>([
    ['exec exit 0', { exec: { command: ['true'] } }, () => {}, 'success', ''],
    ['exec exit 1 with output', { exec: { command: ['cat', '/tmp/healthy'] } }, (p) => { p.exitCode = 1; p.stdout = "cat: can't open '/tmp/healthy': No such file or directory\n"; }, 'failure', "cat: can't open '/tmp/healthy': No such file or directory\n"],
    ['exec beyond timeoutSeconds', { exec: { command: ['sh', '-c', 'sleep 5'] }, timeoutSeconds: 1 }, (p) => { p.durationMs = 5000; }, 'failure', 'command timed out: "sh -c sleep 5" timed out after 1s'],
    ['http 200', { httpGet: { path: '/healthz', port: 'http' } }, () => {}, 'success', 'ok'],
    ['http 404', { httpGet: { path: '/healthz', port: 'http' } }, (p) => { p.http = { status: 404, body: 'nope', durationMs: 1 }; }, 'failure', 'HTTP probe failed with statuscode: 404'],
    ['http 301 elsewhere', { httpGet: { path: '/', port: 80 } }, (p) => { p.http = { status: 301, body: 'moved', headers: { Location: 'http://example.com/' }, durationMs: 1 }; }, 'warning', 'moved'],
    ['http refused', { httpGet: { path: '/healthz', port: 8080 } }, (p) => { p.http = { error: 'connection refused', durationMs: 0 }; }, 'failure', 'Get "http://10.244.1.5:8080/healthz": dial tcp 10.244.1.5:8080: connect: connection refused'],
    ['http timeout', { httpGet: { path: '/', port: 80 }, timeoutSeconds: 1 }, (p) => { p.http = { error: 'timeout', durationMs: 1000 }; }, 'failure', 'Get "http://10.244.1.5:80/": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'],
    ['tcp listening', { tcpSocket: { port: 80 } }, () => {}, 'success', ''],
    ['tcp refused', { tcpSocket: { port: 81 } }, () => {}, 'failure', 'dial tcp 10.244.1.5:81: connect: connection refused'],
    ['grpc nobody listening', { grpc: { port: 9090 } }, () => {}, 'failure', 'timeout: failed to connect service "10.244.1.5:9090" within 1s: context deadline exceeded'],
  ])('%s', (_name, probe, arrange, result, output) => {
    const p = fakeProcess();
    arrange(p);
    const out = runProbe({ timeoutSeconds: 1, ...probe }, container, '10.244.1.5', p.proc);
    expect([out.result, out.output]).toEqual([result, output]);
  });

  test('HTTP probes send kube-probe/1.34 and Accept: */* unless the probe sets them', () => {
    const p = fakeProcess();
    runProbe({ httpGet: { path: '/', port: 80, httpHeaders: [{ name: 'X-Custom', value: 'v' }] } }, container, '10.244.1.5', p.proc);
    expect(p.lastHeaders).toEqual({ 'X-Custom': 'v', 'User-Agent': probeUserAgent, Accept: '*/*' });
    runProbe({ httpGet: { path: '/', port: 80, httpHeaders: [{ name: 'User-Agent', value: 'me' }, { name: 'Accept', value: '' }] } }, container, '10.244.1.5', p.proc);
    expect(p.lastHeaders).toEqual({ 'User-Agent': 'me' });
  });

  test('events: Unhealthy for failures, ProbeWarning for redirects elsewhere, errored for unresolvable ports', () => {
    const t = setup('Liveness', { httpGet: { path: '/healthz', port: 80 }, failureThreshold: 5 }, 'Always');
    t.s.status = runningStatus({ started: true });
    t.p.http = { status: 500, body: '', durationMs: 0 };
    t.probeOnce();
    t.p.http = { status: 302, body: 'see other', headers: { Location: 'https://example.com/' }, durationMs: 0 };
    t.probeOnce();
    expect(t.events).toEqual(['Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 500', 'Warning ProbeWarning Liveness probe warning: see other']);
    const u = setup('Readiness', { tcpSocket: { port: 'web' } });
    u.s.status = runningStatus();
    u.probeOnce();
    expect(u.events).toEqual(['Warning Unhealthy Readiness probe errored and resulted in unknown state: strconv.Atoi: parsing "web": invalid syntax']);
    expect(u.result()).toBe('Failure'); // the initial value: an errored probe is thrown away
  });
});

// pkg/kubelet/prober/prober_test.go TestGetURLParts (ports), with a container port named "found".
test.each<[number | string, number | undefined]>([
  [-1, undefined], ['', undefined], ['-1', undefined], ['not-found', undefined], ['found', 93], [76, 76], ['118', 118],
])('ResolveContainerPort(%p) = %p', (port, expected) => {
  const r = resolveContainerPort(port, { name: 'c', ports: [{ name: 'found', containerPort: 93 }] });
  expect(typeof r === 'number' ? r : undefined).toBe(expected);
});
