import { createVirtualClock } from '@/lib/sim/clock';
import { createRandom } from '@/lib/sim/random';
import { containerArgv, startContainerProcess } from '@/lib/sim/runtime/container';
import { createVolume } from '@/lib/sim/runtime/fs';
import { lookupImage } from '@/lib/sim/runtime/images';
import { boot, T0 } from './boot';

const livenessExec = { args: ['/bin/sh', '-c', ' touch /tmp/healthy;sleep 60; rm -rf /tmp/healthy;sleep 600'] };

describe("the notes' liveness-exec container", () => {
  test('creates /tmp/healthy, removes it after 60s, keeps running, and exits 0 at 660s', () => {
    const { clock, p, exits } = boot('busybox', livenessExec);
    const probe = () => p.exec(['test', '-e', '/tmp/healthy']).exitCode;
    expect(probe()).toBe(0);
    clock.advance(59_000);
    expect(probe()).toBe(0);
    clock.advance(2_000);
    expect(probe()).toBe(1);
    clock.advance(600_000 - 61_000);
    expect(exits).toEqual([]);
    // ash execs the last command of a -c string: `sleep 600` has replaced the shell as PID 1.
    expect(p.exec(['ps']).stdout).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 600\n   13 root      0:00 ps\n');
    clock.advance(60_000);
    expect(exits).toEqual([{ code: 0, reason: 'Completed', message: undefined, at: 660_000 }]);
  });

  test('its sleeps are finite timers, so the clock can run until the container is done', () => {
    const { clock, exits } = boot('busybox', livenessExec);
    clock.runUntilQuiet(3_600_000);
    expect(exits.map((e) => e.at)).toEqual([660_000]);
  });

  test('a restart is a new container: the image files come back, the old writes are gone', () => {
    const clock = createVirtualClock(T0);
    const image = lookupImage('busybox')!;
    const start = () => startContainerProcess({ clock, random: createRandom(1), image, container: { name: 'c', ...livenessExec }, env: [], podName: 'p', limits: {}, onExit: () => {} });
    const first = start();
    clock.advance(61_000);
    first.exec(['sh', '-c', 'echo junk > /root/note']);
    first.signal('KILL');
    const second = start();
    clock.settle();
    expect(second.exec(['test', '-e', '/root/note']).exitCode).toBe(1);
    expect(second.exec(['test', '-e', '/tmp/healthy']).exitCode).toBe(0);
  });
});

describe('PID 1 and signals', () => {
  test('`sleep 3600` as PID 1 ignores TERM (no handler) and dies on KILL with 137', () => {
    const { clock, p, exits } = boot('busybox', { command: ['sleep', '3600'] });
    p.signal('TERM');
    clock.advance(30_000);
    expect(exits).toEqual([]);
    p.signal('KILL');
    expect(exits).toEqual([{ code: 137, reason: 'Error', message: undefined, at: 30_000 }]);
  });

  test('a shell running a script ignores TERM too; `sh -c` with one command execs it (ps shows sleep as PID 1)', () => {
    const a = boot('busybox', { command: ['sh', '-c', 'while true; do sleep 1; done'] });
    a.p.signal('TERM');
    a.clock.advance(10_000);
    expect(a.exits).toEqual([]);
    const b = boot('busybox', { command: ['sh', '-c', 'sleep 3600'] });
    expect(b.p.exec(['ps']).stdout.split('\n')[1]).toBe('    1 root      0:00 sleep 3600');
  });

  test('a script that traps TERM exits when the running foreground command finishes', () => {
    const { clock, p, exits } = boot('busybox', { command: ['sh', '-c', 'trap "echo bye; exit 0" TERM; while true; do sleep 5; done'] });
    clock.advance(2_000);
    p.signal('TERM');
    clock.advance(2_000);
    expect(exits).toEqual([]);
    clock.advance(1_000);
    expect(exits).toEqual([{ code: 0, reason: 'Completed', message: undefined, at: 5_000 }]);
    expect(p.logs()).toBe('bye\n');
  });

  test('a bare `sh` (no -c, no terminal) exits 0 at once', () => {
    const { clock, exits } = boot('busybox');
    clock.settle();
    expect(exits).toEqual([{ code: 0, reason: 'Completed', message: undefined, at: 0 }]);
  });

  test('`sh -c "sleep 5; exit 1"` exits 1 after 5s; `false` exits 1', () => {
    expect(boot('busybox', { command: ['sh', '-c', 'sleep 5; exit 1'] }).clock.runUntilQuiet(60_000)).toBe(5_000);
    const f = boot('busybox', { command: ['false'] });
    expect(f.exits[0]).toMatchObject({ code: 1, reason: 'Error' });
  });

  test('kill from inside the container cannot touch PID 1 without a handler, but ends other processes', () => {
    const { clock, p, exits } = boot('busybox', { command: ['sh', '-c', 'sleep 100; echo sleep ended $?; sleep 3600'] });
    expect(p.exec(['kill', '-9', '1'])).toMatchObject({ exitCode: 0 });
    expect(p.exec(['kill', '7'])).toMatchObject({ exitCode: 0 });
    clock.settle();
    expect(p.logs()).toBe('sleep ended 143\n');
    expect(p.exec(['kill', '99'])).toMatchObject({ stderr: "kill: can't kill pid 99: No such process\n", exitCode: 1 });
    expect(exits).toEqual([]);
  });

  test('servers exit promptly and with 0 on the stop signal; nginx ≥1.19 gets SIGQUIT (its image STOPSIGNAL)', () => {
    for (const image of ['nginx', 'nginx:1.12-alpine', 'ikubernetes/myapp:v1', 'httpd', 'redis']) {
      const { clock, p, exits } = boot(image);
      clock.advance(5_000);
      p.signal('TERM');
      clock.advance(1_000);
      expect([image, exits.map((e) => [e.code, e.reason])]).toEqual([image, [[0, 'Completed']]]);
      expect(p.listening(80) || p.listening(6379)).toBe(false);
    }
    const { clock, p } = boot('nginx');
    clock.advance(5_000);
    p.signal('TERM');
    clock.advance(1_000);
    const log = p.logs();
    expect(log.slice(log.indexOf('signal 3') - 30).replace(/^\S+ \S+ /gm, '')).toBe([
      '[notice] 1#1: signal 3 (SIGQUIT) received, shutting down',
      '[notice] 29#29: gracefully shutting down', '[notice] 29#29: exiting', '[notice] 29#29: exit',
      '[notice] 30#30: gracefully shutting down', '[notice] 30#30: exiting', '[notice] 30#30: exit',
      '[notice] 1#1: signal 17 (SIGCHLD) received from 29', '[notice] 1#1: worker process 29 exited with code 0',
      '[notice] 1#1: signal 17 (SIGCHLD) received from 30', '[notice] 1#1: worker process 30 exited with code 0',
      '[notice] 1#1: exit', '',
    ].join('\n'));
  });

  test('a command the image does not have fails to start: StartError, exit 128, containerd message', () => {
    const { exits } = boot('busybox', { command: ['bash', '-c', 'true'] });
    expect(exits).toEqual([{
      code: 128, reason: 'StartError', at: 0,
      message: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "bash": executable file not found in $PATH: unknown',
    }]);
  });

  test('Kubernetes argv: command replaces ENTRYPOINT and CMD, args alone replaces CMD', () => {
    expect(containerArgv({ name: 'c' }, ['/docker-entrypoint.sh'], ['nginx', '-g', 'daemon off;'])).toEqual(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']);
    expect(containerArgv({ name: 'c', args: ['nginx-debug'] }, ['/docker-entrypoint.sh'], ['nginx'])).toEqual(['/docker-entrypoint.sh', 'nginx-debug']);
    expect(containerArgv({ name: 'c', command: ['sleep'], args: ['5'] }, ['/e'], ['x'])).toEqual(['sleep', '5']);
    expect(containerArgv({ name: 'c', command: ['sleep'] }, ['/e'], ['x'])).toEqual(['sleep']);
  });

  test('the crash fault ends PID 1 with the given code', () => {
    const { clock, p, exits } = boot('nginx');
    clock.advance(1_000);
    p.fault?.({ kind: 'crash', exitCode: 2 });
    clock.settle();
    expect(exits).toEqual([{ code: 2, reason: 'Error', message: undefined, at: 1_000 }]);
  });

  test('dispose stops everything without reporting an exit', () => {
    const { clock, p, exits } = boot('busybox', livenessExec);
    p.dispose();
    clock.advance(700_000);
    expect(exits).toEqual([]);
    expect(clock.pendingFinite()).toBe(0);
  });
});

describe('processes', () => {
  test('`&` runs a job in the background on its own timers', () => {
    const { clock, p } = boot('busybox', { command: ['sh', '-c', 'sleep 2 && echo bg done & echo fg; sleep 3600'] });
    expect(p.logs()).toBe('fg\n');
    expect(p.exec(['ps']).stdout).toContain('    7 root      0:00 sh -c sleep 2 && echo bg done & echo fg; sleep 3600\n');
    clock.advance(2_000);
    expect(p.logs()).toBe('fg\nbg done\n');
  });

  test('a loop that never waits spins on one CPU (1000m) without hanging the simulation', () => {
    const { clock, p } = boot('busybox', { command: ['sh', '-c', 'i=0; while true; do i=$((i+1)); done'] });
    clock.advance(10_000);
    expect(p.usage().cpuMilli).toBe(1000);
    p.signal('KILL');
    expect(p.usage().cpuMilli).toBe(0);
  });

  test('`kubectl exec web -- kill 1` stops nginx gracefully: it has a TERM handler', () => {
    const { clock, p, exits } = boot('nginx:1.12-alpine');
    clock.advance(1_000);
    expect(p.exec(['kill', '1']).exitCode).toBe(0);
    clock.advance(1_000);
    expect(exits).toMatchObject([{ code: 0, reason: 'Completed' }]);
  });

  test('a mounted executable script runs as the command and through exec', () => {
    const clock = createVirtualClock(T0);
    const scripts = createVolume({ 'run.sh': '#!/bin/sh\necho "args: $*"\nexit 4\n' }, T0, 0o755);
    const exits: number[] = [];
    const p = startContainerProcess({
      clock, random: createRandom(1), image: lookupImage('alpine')!, container: { name: 'c', command: ['/scripts/run.sh', 'a', 'b'] },
      env: [], podName: 'p', limits: {}, mounts: [{ path: '/scripts', volume: scripts, readOnly: true }], onExit: (c) => exits.push(c),
    });
    clock.settle();
    expect(exits).toEqual([4]);
    expect(p.logs()).toBe('args: a b\n');
  });

  test('a read-only mount refuses writes', () => {
    const vol = createVolume({ 'app.conf': 'x=1\n' });
    const { p } = boot('busybox', { command: ['sleep', '3600'] }, { mounts: [{ path: '/config', volume: vol, readOnly: true }] });
    expect(p.exec(['sh', '-c', 'cat /config/app.conf; echo y > /config/app.conf'])).toMatchObject({ stdout: 'x=1\n', stderr: "sh: can't create /config/app.conf: Read-only file system\n" });
    expect(p.exec(['rm', '/config/app.conf'])).toMatchObject({ stderr: "rm: can't remove '/config/app.conf': Read-only file system\n", exitCode: 1 });
  });
});

describe('output and files', () => {
  test("the main process's stdout and stderr are the logs; exec output is not", () => {
    const { clock, p } = boot('busybox', { command: ['sh', '-c', 'echo out; echo err >&2; sleep 2; echo later; ls /nope; sleep 3600'] });
    p.exec(['echo', 'not in logs']);
    clock.advance(2_000);
    expect(p.logs()).toBe('out\nerr\nlater\nls: /nope: No such file or directory\n');
    expect(p.logLines?.().map((l) => [l.time - T0, l.stream])).toEqual([[0, 'stdout'], [0, 'stderr'], [2000, 'stdout'], [2000, 'stderr']]);
  });

  test('the kubelet-managed files name the pod; readFile reads a termination message after exit', () => {
    const { p, exits } = boot('busybox', { command: ['sh', '-c', 'echo "bad config" > /dev/termination-log; exit 3'] });
    expect(exits[0].code).toBe(3);
    expect(p.readFile?.('/dev/termination-log')).toBe('bad config\n');
    expect(p.readFile?.('/etc/hostname')).toBe('demo\n');
    expect(p.readFile?.('/etc/hosts')).toContain('10.244.1.5\tdemo\n');
    expect(p.readFile?.('/nope')).toBeUndefined();
  });

  test('exec after the container exited is a runtime error', () => {
    const { p } = boot('busybox', { command: ['true'] });
    expect(p.exec(['ls'])).toMatchObject({ exitCode: 126, runtimeError: 'Internal error occurred: error executing command in container: failed to exec in container: container is in CONTAINER_EXITED state' });
  });

  test('an emptyDir volume is shared: what an init container writes, the app container serves', () => {
    const clock = createVirtualClock(T0);
    const html = createVolume();
    const mounts = [{ path: '/usr/share/nginx/html', volume: html }];
    const init = startContainerProcess({
      clock, random: createRandom(1), image: lookupImage('busybox')!, container: { name: 'init', command: ['sh', '-c', 'echo from-init > /work/index.html'] },
      env: [], podName: 'p', limits: {}, mounts: [{ path: '/work', volume: html }], onExit: () => {},
    });
    clock.settle();
    void init;
    const web = startContainerProcess({ clock, random: createRandom(1), image: lookupImage('nginx')!, container: { name: 'web' }, env: [], podName: 'p', limits: {}, mounts, onExit: () => {} });
    clock.advance(1_000);
    expect(web.httpGet(80, '/')).toMatchObject({ status: 200, body: 'from-init\n' });
  });

});
