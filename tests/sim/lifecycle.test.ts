import { createCluster } from '@/lib/sim/cluster';
import type { Event, Pod } from '@/lib/sim/types';

const podSpec = (name: string, image: string, extra: Partial<Pod['spec']> = {}, nodeName?: string): Pod => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name },
  spec: { containers: [{ name: 'main', image }], ...(nodeName ? { nodeName } : {}), ...extra },
});

function start(pod: Pod) {
  const c = createCluster({ seed: 1 });
  c.api.create('pods', pod);
  c.clock.settle();
  const get = (name = pod.metadata.name!) => c.api.find<Pod>('pods', 'default', name);
  const reasons = (name = pod.metadata.name!) => c.api.list<Event>('events', 'default').filter((e) => e.involvedObject.name === name).map((e) => e.reason);
  return { c, get, reasons };
}

describe('pod lifecycle on the simulated cluster', () => {
  test('creation follows the notes: scheduled at once, ContainerCreating while the image pulls, then Running', () => {
    const { c, get, reasons } = start(podSpec('web', 'nginx:1.12-alpine'));
    expect(get()?.spec.nodeName).toMatch(/^node0[12]$/); // never the tainted control-plane node
    expect(get()?.status?.containerStatuses?.[0].state.waiting?.reason).toBe('ContainerCreating');
    expect(get()?.status?.phase).toBe('Pending');
    const ok = c.clock.advanceUntil(() => get()?.status?.phase === 'Running', 60_000);
    expect(ok).toBe(true);
    expect(reasons()).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    const ready = get()?.status?.conditions?.find((x) => x.type === 'Ready');
    expect(ready?.status).toBe('True');
  });

  test('a second pod on the same node finds the image already present', () => {
    const { c, get } = start(podSpec('one', 'nginx:1.12-alpine', {}, 'node01'));
    c.clock.advance(30_000);
    c.api.create('pods', podSpec('two', 'nginx:1.12-alpine', {}, 'node01'));
    c.clock.advance(30_000);
    const pulled = c.api.list<Event>('events', 'default').find((e) => e.involvedObject.name === 'two' && e.reason === 'Pulled');
    expect(pulled?.message).toBe('Container image "nginx:1.12-alpine" already present on machine');
    expect(get('two')?.status?.phase).toBe('Running');
  });

  test('an image the registry does not have fails to pull with ErrImagePull', () => {
    const { c, get } = start(podSpec('bad', 'nginx:no-such-tag'));
    c.clock.advance(30_000);
    expect(get()?.status?.containerStatuses?.[0].state.waiting?.reason).toBe('ErrImagePull');
  });

  test('deleting nginx takes about a second: it exits on TERM, then the kubelet removes the pod', () => {
    const { c, get } = start(podSpec('web', 'nginx:1.12-alpine'));
    c.clock.advance(30_000);
    c.api.delete('pods', 'default', 'web');
    const t0 = c.clock.now();
    expect(get()?.metadata.deletionTimestamp).toBeDefined();
    expect(c.clock.advanceUntil(() => !get(), 60_000)).toBe(true);
    expect(c.clock.now() - t0).toBeLessThan(2000);
  });

  test('a `sleep` PID 1 ignores TERM, so deletion waits for the 30s grace period and KILL', () => {
    const { c, get } = start({ ...podSpec('sleeper', 'busybox'), spec: { containers: [{ name: 'main', image: 'busybox', command: ['sleep', '3600'] }] } });
    c.clock.advance(30_000);
    expect(get()?.status?.phase).toBe('Running');
    c.api.delete('pods', 'default', 'sleeper');
    c.clock.advance(29_000);
    expect(get()).toBeDefined();
    expect(c.clock.advanceUntil(() => !get(), 5_000)).toBe(true);
  });

  test('a container that exits is restarted: the first restart is immediate', () => {
    const { c, get } = start({ ...podSpec('once', 'busybox'), spec: { containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'sleep 5; exit 1'] }] } });
    c.clock.advanceUntil(() => (get()?.status?.containerStatuses?.[0].restartCount ?? 0) === 1, 60_000);
    const s = get()?.status?.containerStatuses?.[0];
    expect(s?.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
  });

  test('the same seed and inputs give the same cluster, byte for byte', () => {
    const run = () => {
      const { c } = start(podSpec('web', 'nginx:1.12-alpine'));
      c.clock.advance(45_000);
      return JSON.stringify([c.api.list('pods'), c.api.list('events')]);
    };
    expect(run()).toBe(run());
  });
});
