import { createCluster } from '@/lib/sim/cluster';
import type { Event, Pod } from '@/lib/sim/types';

const pod = (name: string, cpu?: string, extra: Partial<Pod['spec']> = {}): Pod => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name },
  spec: { containers: [{ name: 'app', image: 'nginx:1.12-alpine', ...(cpu ? { resources: { requests: { cpu } } } : {}) }], ...extra },
});

function setup() {
  const c = createCluster({ seed: 5 });
  const create = (p: Pod) => { c.api.create('pods', p); c.clock.settle(); };
  const get = (name: string) => c.api.find<Pod>('pods', 'default', name);
  const events = (name: string, reason: string) => c.api.list<Event>('events', 'default').filter((e) => e.involvedObject.name === name && e.reason === reason);
  return { c, create, get, events };
}

describe('scheduler', () => {
  test('a pod too big for every worker gets FitError text, with the histogram and preemption sorted as upstream sorts them', () => {
    const { create, get, events } = setup();
    create(pod('big', '3'));
    const msg = '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
    expect(events('big', 'FailedScheduling').map((e) => e.message)).toEqual([msg]);
    const cond = get('big')?.status?.conditions?.find((x) => x.type === 'PodScheduled');
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg });
    expect(get('big')?.status?.phase).toBe('Pending');
  });

  test('a nodeSelector no node matches', () => {
    const { create, events } = setup();
    create(pod('picky', undefined, { nodeSelector: { disktype: 'ssd' } }));
    expect(events('picky', 'FailedScheduling')[0].message).toBe("0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");
  });

  test('requests are reserved: the third 1200m pod waits, and is scheduled once a pod on a worker is deleted', () => {
    const { c, create, get } = setup();
    create(pod('a', '1200m'));
    create(pod('b', '1200m'));
    expect(new Set([get('a')?.spec.nodeName, get('b')?.spec.nodeName])).toEqual(new Set(['node01', 'node02']));
    create(pod('c', '1200m'));
    expect(get('c')?.spec.nodeName).toBeUndefined();
    c.clock.advance(20_000);
    expect(get('c')?.spec.nodeName).toBeUndefined();
    const freed = get('a')!.spec.nodeName;
    c.api.delete('pods', 'default', 'a');
    expect(c.clock.advanceUntil(() => get('c')?.spec.nodeName !== undefined, 60_000)).toBe(true);
    expect(get('c')?.spec.nodeName).toBe(freed);
  });

  test('the tainted control-plane node is never chosen for a pod without the toleration', () => {
    const { create, get } = setup();
    for (let i = 0; i < 12; i++) create(pod(`p${i}`));
    for (let i = 0; i < 12; i++) expect(get(`p${i}`)?.spec.nodeName).not.toBe('controlplane');
  });
});
