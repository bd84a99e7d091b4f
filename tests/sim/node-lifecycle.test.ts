import { createCluster } from '@/lib/sim/cluster';
import type { Event, Node, Pod } from '@/lib/sim/types';

function setup() {
  const c = createCluster({ seed: 9 });
  c.api.create<Pod>('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.12-alpine' }], nodeName: 'node01' } });
  c.clock.advance(30_000);
  const node = () => c.api.get<Node>('nodes', undefined, 'node01');
  const pod = () => c.api.find<Pod>('pods', 'default', 'web');
  const ready = () => pod()?.status?.conditions?.find((x) => x.type === 'Ready')?.status;
  return { c, node, pod, ready };
}

describe('a node that stops reporting', () => {
  test('goes Unknown after the 50s grace period, gets the unreachable taints, and its pods turn NotReady but keep their phase', () => {
    const { c, node, pod, ready } = setup();
    expect(ready()).toBe('True');
    const t0 = c.clock.now();
    c.nodes.setReachable('node01', false);
    c.clock.advance(45_000);
    expect(node().status.conditions.find((x) => x.type === 'Ready')?.status).toBe('True');
    c.clock.advanceUntil(() => node().status.conditions.find((x) => x.type === 'Ready')?.status === 'Unknown', 60_000);
    const after = c.clock.now() - t0;
    // Last heartbeat is at most 10s before the fault; the check runs every 5s: Unknown 50–65s after it stopped.
    expect(after).toBeGreaterThan(50_000 - 10_000);
    expect(after).toBeLessThanOrEqual(65_000);
    for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready']) {
      expect(node().status.conditions.find((x) => x.type === type)).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    }
    // The order real clusters show in `kubectl describe node` (NoExecute, then NoSchedule).
    expect(node().spec.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    c.clock.settle();
    expect(ready()).toBe('False');
    expect(pod()?.status?.phase).toBe('Running');
    expect(c.api.list<Event>('events', 'default').filter((e) => e.involvedObject.name === 'web').map((e) => e.reason)).toContain('NodeNotReady');
  });

  test('its pods are evicted when their 300s toleration runs out, and stay Terminating while the node is away', () => {
    const { c, node, pod } = setup();
    c.nodes.setReachable('node01', false);
    c.clock.advanceUntil(() => node().spec.taints?.some((t) => t.effect === 'NoExecute') ?? false, 120_000);
    const tainted = c.clock.now();
    c.clock.advance(299_000);
    expect(pod()?.metadata.deletionTimestamp).toBeUndefined();
    c.clock.advance(2_000);
    expect(pod()?.metadata.deletionTimestamp).toBeDefined();
    expect(pod()?.status?.conditions?.find((x) => x.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager' });
    expect(c.clock.now() - tainted).toBeGreaterThanOrEqual(300_000);
    // The kubelet that would finish the deletion is unreachable: the pod stays, Terminating.
    c.clock.advance(600_000);
    expect(pod()?.metadata.deletionTimestamp).toBeDefined();
  });

  test('when the node comes back, its kubelet finishes the deletion of the evicted pod', () => {
    const { c, node, pod } = setup();
    c.nodes.setReachable('node01', false);
    c.clock.advanceUntil(() => node().spec.taints?.some((t) => t.effect === 'NoExecute') ?? false, 120_000);
    c.clock.advance(310_000);
    expect(pod()?.metadata.deletionTimestamp).toBeDefined();
    c.nodes.setReachable('node01', true);
    expect(c.clock.advanceUntil(() => pod() === undefined, 120_000)).toBe(true);
  });


  test('when heartbeats resume, the taints go and the node is Ready again', () => {
    const { c, node } = setup();
    c.nodes.setReachable('node01', false);
    c.clock.advance(70_000);
    c.nodes.setReachable('node01', true);
    c.clock.advance(10_000);
    expect(node().status.conditions.find((x) => x.type === 'Ready')?.status).toBe('True');
    expect(node().spec.taints).toBeUndefined();
  });
});

describe('NoSchedule taints follow node conditions (doNoScheduleTaintingPass)', () => {
  test('MemoryPressure=True taints the node memory-pressure:NoSchedule, and the taint goes with the condition', async () => {
    const { clone } = await import('@/lib/sim/apiserver');
    const c = createCluster({ seed: 4 });
    const setPressure = (status: 'True' | 'False') => {
      const n = clone(c.api.get<Node>('nodes', undefined, 'node02'));
      n.status.conditions = n.status.conditions.map((x) => (x.type === 'MemoryPressure' ? { ...x, status } : x));
      c.api.updateStatus('nodes', n);
    };
    setPressure('True');
    c.clock.advance(5_000);
    expect(c.api.get<Node>('nodes', undefined, 'node02').spec.taints).toEqual([{ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' }]);
    setPressure('False');
    c.clock.advance(5_000);
    expect(c.api.get<Node>('nodes', undefined, 'node02').spec.taints).toBeUndefined();
  });
});
