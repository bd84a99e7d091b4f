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
    expect(node().spec.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    c.clock.settle();
    expect(ready()).toBe('False');
    expect(pod()?.status?.phase).toBe('Running');
    expect(c.api.list<Event>('events', 'default').filter((e) => e.involvedObject.name === 'web').map((e) => e.reason)).toContain('NodeNotReady');
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
