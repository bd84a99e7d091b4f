import { evictionMessage, memory, orderedBy, rankMemoryPressure, type PodMemoryStats } from '@/lib/sim/kubelet/eviction';
import { formatBinarySI } from '@/lib/sim/kubelet/resources';
import type { Pod } from '@/lib/sim/types';
import { createFakeRuntime } from './fake-runtime';
import { createHarness } from './harness';

const Mi = 1024 * 1024;
const lowPriority = -1, defaultPriority = 0, highPriority = 1;
const newPod = (name: string, priority: number, requests: Record<string, string>, limits: Record<string, string> = {}): Pod =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, uid: name }, spec: { priority, containers: [{ name, resources: { requests, limits } }] } });
const statsOf = (m: Map<Pod, number>) => (p: Pod): PodMemoryStats | undefined => (m.has(p) ? { containers: [{ name: p.metadata.name!, workingSet: m.get(p)! }] } : undefined);

// pkg/kubelet/eviction/helpers_test.go TestOrderedByMemory
test('TestOrderedByMemory: the greediest consumer relative to its request goes first', () => {
  const pods = [
    newPod('best-effort-high', defaultPriority, {}), newPod('best-effort-low', defaultPriority, {}),
    newPod('burstable-high', defaultPriority, { memory: '100Mi' }, { memory: '1Gi' }), newPod('burstable-low', defaultPriority, { memory: '100Mi' }, { memory: '1Gi' }),
    newPod('guaranteed-high', defaultPriority, { memory: '1Gi' }, { memory: '1Gi' }), newPod('guaranteed-low', defaultPriority, { memory: '1Gi' }, { memory: '1Gi' }),
  ];
  const stats = statsOf(new Map(pods.map((p, i) => [p, [500, 300, 800, 300, 800, 200][i] * Mi])));
  expect(orderedBy([...pods], memory(stats)).map((p) => p.metadata.name)).toEqual(['burstable-high', 'best-effort-high', 'best-effort-low', 'burstable-low', 'guaranteed-high', 'guaranteed-low']);
});

// pkg/kubelet/eviction/helpers_test.go TestOrderedByPriorityMemory (rankMemoryPressure's order)
test('TestOrderedByPriorityMemory: above requests first, then low priority, then usage above request', () => {
  const names = ['above-requests-low-priority-high-usage', 'above-requests-low-priority-low-usage', 'above-requests-high-priority-high-usage', 'above-requests-high-priority-low-usage',
    'below-requests-low-priority-high-usage', 'below-requests-low-priority-low-usage', 'below-requests-high-priority-high-usage', 'below-requests-high-priority-low-usage'];
  const prio = [lowPriority, lowPriority, highPriority, highPriority, lowPriority, lowPriority, highPriority, highPriority];
  const req = ['', '', '100Mi', '100Mi', '1Gi', '1Gi', '1Gi', '1Gi'];
  const use = [500, 50, 600, 150, 800, 200, 800, 200];
  const pods = names.map((n, i) => newPod(n, prio[i], req[i] ? { memory: req[i] } : {}));
  const stats = statsOf(new Map(pods.map((p, i) => [p, use[i] * Mi])));
  expect(rankMemoryPressure([...pods].reverse(), stats).map((p) => p.metadata.name)).toEqual(names);
});

test('pods without stats are ranked first', () => {
  const a = newPod('a', 0, {}), b = newPod('b', 0, {});
  expect(rankMemoryPressure([a, b], statsOf(new Map([[a, 10 * Mi]]))).map((p) => p.metadata.name)).toEqual(['b', 'a']);
});

test.each([[0, '0'], [512, '512'], [1536, '1536'], [100 * Mi, '100Mi'], [92160 * 1024, '90Mi'], [4096 * 3, '12Ki'], [3 * 1024 * Mi, '3Gi']])('NewQuantity(%i, BinarySI) prints %s', (n, s) => {
  expect(formatBinarySI(n)).toBe(s);
});

test('evictionMessage names the threshold, what is left, and the containers above their requests', () => {
  const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'hog', resources: { requests: { memory: '64Mi' } } }, { name: 'ok', resources: { requests: { memory: '64Mi' } } }, { name: 'be' }] } };
  const message = evictionMessage(pod, { containers: [{ name: 'hog', workingSet: 300 * Mi }, { name: 'ok', workingSet: 10 * Mi }, { name: 'be', workingSet: 4096 }] }, 92 * Mi);
  expect(message).toBe('The node was low on resource: memory. Threshold quantity: 100Mi, available: 92Mi. Container hog was using 300Mi, request is 64Mi, has larger consumption of memory. Container be was using 4Ki, request is 0, has larger consumption of memory. ');
});

describe('node memory pressure', () => {
  // A node with 973Mi: the system takes 460Mi and the pods 493Mi (1Mi each besides what they allocate), so
  // memory.available is 20Mi, and still 71Mi once the first pod is gone.
  function pressured() {
    const rt = createFakeRuntime();
    const h = createHarness({ runtime: rt.runtime, memoryKi: 973 * 1024 });
    // The guaranteed pod allocates last, so the threshold is crossed only once all three use their memory.
    const stress = (name: string, after: number, bytes: string, resources = {}) => h.create(name, [{ name, image: 'busybox', command: ['sh', '-c', `sleep ${after}; alloc ${bytes}; sleep 3600`], resources }]);
    stress('guaranteed', 8, '300Mi', { requests: { cpu: '100m', memory: '400Mi' }, limits: { cpu: '100m', memory: '400Mi' } });
    stress('burstable', 5, '140Mi', { requests: { memory: '100Mi' } });
    stress('besteffort', 5, '50Mi');
    return { h, rt };
  }

  test('the kubelet evicts one pod per round, those above their requests first, the biggest excess first, the next once the first is gone', () => {
    const { h } = pressured();
    const evicted: string[] = [];
    const at: number[] = [];
    h.until(() => {
      for (const p of h.api.list<Pod>('pods')) if (p.status?.reason === 'Evicted' && !evicted.includes(p.metadata.name!)) { evicted.push(p.metadata.name!); at.push(h.clock.now()); }
      return evicted.length >= 2;
    }, 120_000);
    expect(evicted).toEqual(['besteffort', 'burstable']);
    // The shell ignores TERM: killed after the 2s minimum grace; the manager polls each 1s for the cleanup, then
    // synchronizes again at once instead of sleeping 10s.
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(2000);
    expect(at[1] - at[0]).toBeLessThanOrEqual(4000);
    const pod = h.get('besteffort')!;
    expect(pod.status).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
    expect(pod.status!.message).toMatch(/^The node was low on resource: memory\. Threshold quantity: 100Mi, available: 20Mi\. Container besteffort was using 51Mi, request is 0, has larger consumption of memory\. $/);
    expect(pod.status!.conditions![0]).toMatchObject({ type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet' });
    const ev = h.events('besteffort').find((e) => e.reason === 'Evicted')!;
    expect([ev.type, ev.message]).toEqual(['Warning', pod.status!.message]);
    expect(h.events('besteffort').filter((e) => e.reason === 'Killing').map((e) => e.message)).toEqual(['Stopping container besteffort']);
    expect(h.get('guaranteed')!.status!.phase).toBe('Running');
  });

  test('the node reports MemoryPressure with the kubelet wording and refuses BestEffort pods', () => {
    const { h } = pressured();
    h.until(() => h.api.find<import('@/lib/sim/types').Node>('nodes', undefined, 'node01')!.status.conditions[0].status === 'True', 60_000);
    const node = h.api.find<import('@/lib/sim/types').Node>('nodes', undefined, 'node01')!;
    expect(node.status.conditions[0]).toMatchObject({ type: 'MemoryPressure', status: 'True', reason: 'KubeletHasInsufficientMemory', message: 'kubelet has insufficient memory available' });
    // The memory-pressure taint is the node lifecycle controller's (tests/sim/node-lifecycle.test.ts), not the kubelet's.
    expect(node.spec.taints).toBeUndefined();
    const nodeEvents = h.api.list<import('@/lib/sim/types').Event>('events', 'default').filter((e) => e.involvedObject.kind === 'Node').map((e) => `${e.type} ${e.reason} ${e.message}`);
    expect(nodeEvents).toEqual(expect.arrayContaining(['Warning EvictionThresholdMet Attempting to reclaim memory', 'Normal NodeHasInsufficientMemory Node node01 status is now: NodeHasInsufficientMemory']));
    h.create('late', [{ name: 'late', image: 'nginx:1.12-alpine' }]);
    h.clock.settle();
    expect(h.get('late')!.status).toMatchObject({ phase: 'Failed', reason: 'Evicted', message: 'Pod was rejected: The node had condition: [MemoryPressure]. ' });
  });

  test('MemoryPressure clears five minutes after memory is available again (evictionPressureTransitionPeriod)', () => {
    const { h } = pressured();
    const cond = () => h.api.find<import('@/lib/sim/types').Node>('nodes', undefined, 'node01')!.status.conditions[0];
    const since = h.until(() => cond().status === 'True', 60_000);
    const cleared = h.until(() => cond().status === 'False', 900_000);
    expect(cleared - since).toBeGreaterThanOrEqual(5 * 60_000);
    expect(cond()).toMatchObject({ reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' });
    expect(h.api.find<import('@/lib/sim/types').Node>('nodes', undefined, 'node01')!.spec.taints).toBeUndefined();
  });
});
