/**
 * The notes' examples through the real container runtime (lib/sim/runtime): its shell, nginx and stress-ng.
 */
import { createHarness } from './harness';

test('liveness-exec-demo: the busybox shell removes /tmp/healthy after 60s; restarted about two minutes after the start', () => {
  const h = createHarness();
  h.create('liveness-exec-demo', [{
    name: 'liveness-exec-demo', image: 'busybox',
    args: ['/bin/sh', '-c', ' touch /tmp/healthy;sleep 60; rm -rf /tmp/healthy;sleep 600'],
    livenessProbe: { exec: { command: ['test', '-e', '/tmp/healthy'] } },
  }]);
  const started = h.until(() => h.status('liveness-exec-demo')?.state.running !== undefined);
  const restarted = h.until(() => h.status('liveness-exec-demo')?.restartCount === 1);
  expect((restarted - started) / 1000).toBeGreaterThanOrEqual(110);
  expect((restarted - started) / 1000).toBeLessThan(123);
  expect(h.status('liveness-exec-demo')!.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  expect(h.events('liveness-exec-demo').find((e) => e.reason === 'Unhealthy')).toMatchObject({ message: 'Liveness probe failed: ', count: 3 });
});

test('liveness-http-demo: `rm healthz` makes nginx answer 404; three failures, then nginx is restarted and postStart writes healthz again', () => {
  const h = createHarness();
  h.create('liveness-http-demo', [{
    name: 'liveness-http-demo', image: 'nginx:1.12-alpine', ports: [{ name: 'http', containerPort: 80 }],
    lifecycle: { postStart: { exec: { command: ['/bin/sh', '-c', ' echo Healthy > /usr/share/nginx/html/healthz'] } } },
    livenessProbe: { httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' } },
  }]);
  h.clock.advance(60_000);
  expect(h.kubelet.containerProcess('default', 'liveness-http-demo')!.exec(['rm', '/usr/share/nginx/html/healthz']).exitCode).toBe(0);
  const removed = h.clock.now();
  const restarted = h.until(() => h.status('liveness-http-demo')?.restartCount === 1);
  expect((restarted - removed) / 1000).toBeLessThanOrEqual(32);
  expect(h.events('liveness-http-demo').filter((e) => e.reason === 'Unhealthy').map((e) => [e.message, e.count])).toEqual([['Liveness probe failed: HTTP probe failed with statuscode: 404', 3]]);
  expect(h.events('liveness-http-demo').find((e) => e.reason === 'Killing')!.message).toBe('Container liveness-http-demo failed liveness probe, will be restarted');
  h.clock.advance(300_000);
  expect(h.status('liveness-http-demo')!.restartCount).toBe(1);
});

test('readiness-tcp-demo: Ready within a second of Running, once nginx listens', () => {
  const h = createHarness();
  h.create('readiness-tcp-demo', [{ name: 'readiness-tcp-demo', image: 'nginx:1.12-alpine', readinessProbe: { tcpSocket: { port: 80 } } }]);
  const running = h.until(() => h.get('readiness-tcp-demo')?.status?.phase === 'Running');
  const ready = h.until(() => h.condition('readiness-tcp-demo', 'Ready')?.status === 'True');
  expect(ready - running).toBeLessThanOrEqual(1000);
});

test('stress-ng above its memory limit is OOMKilled and then backs off', () => {
  const h = createHarness();
  h.create('oom', [{ name: 'oom', image: 'ikubernetes/stress-ng', command: ['/usr/bin/stress-ng', '--vm', '1', '--vm-bytes', '250M'], resources: { limits: { memory: '100Mi' } } }]);
  h.until(() => h.status('oom')?.state.waiting?.reason === 'CrashLoopBackOff', 120_000);
  expect(h.status('oom')!.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
});

test('stress-demo, as `kubectl top` sees it: two busy workers and their memory', () => {
  const h = createHarness();
  h.create('stress-demo', [{ name: 'stress-demo', image: 'ikubernetes/stress-ng', command: ['/usr/bin/stress-ng', '-m 1', '-c 1', '--metrics-brief'], resources: { requests: { memory: '128Mi', cpu: '200m' } } }]);
  h.clock.advance(60_000);
  const [m] = h.kubelet.podMetrics();
  expect(m.name).toBe('stress-demo');
  expect(m.containers[0].cpuMilli).toBeGreaterThan(1000);
  expect(m.containers[0].memoryBytes).toBeGreaterThan(128 * 1024 * 1024);
  expect(h.kubelet.nodeMetrics().memoryBytes).toBeGreaterThan(m.containers[0].memoryBytes);
});
