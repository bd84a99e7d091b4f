/**
 * The default scheduler, reduced to the plugins the course touches: NodeUnschedulable, TaintToleration,
 * NodeName, NodeAffinity (nodeSelector), NodeResourcesFit (filter on requests vs allocatable) and
 * NodeResourcesLeastAllocated scoring, with a seeded random tie-break among the best nodes.
 * Models kubernetes pkg/scheduler/framework/plugins (v1.34) and schedule_one.go selectHost.
 */
import type { ApiServer } from './apiserver';
import type { VirtualClock } from './clock';
import type { Random } from './random';
import type { EventRecorder } from './events';
import type { Node, Pod, Toleration } from './types';
import { parseQuantity } from './quantity';

const milli = (q: string | undefined) => (q === undefined ? 0 : parseQuantity(q)?.milli ?? 0);

/** Sum of container requests (max with each init container), as the scheduler computes a pod's request. */
export function podRequests(pod: Pod): { cpu: number; memory: number } {
  const sum = { cpu: 0, memory: 0 };
  for (const c of pod.spec.containers) {
    sum.cpu += milli(c.resources?.requests?.cpu);
    sum.memory += milli(c.resources?.requests?.memory);
  }
  for (const c of pod.spec.initContainers ?? []) {
    sum.cpu = Math.max(sum.cpu, milli(c.resources?.requests?.cpu));
    sum.memory = Math.max(sum.memory, milli(c.resources?.requests?.memory));
  }
  return sum;
}

function tolerates(tolerations: Toleration[], taint: { key: string; value?: string; effect: string }): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

/** Starts the scheduler: every unscheduled pod with schedulerName default-scheduler is bound or reported. */
export function createScheduler(o: { api: ApiServer; clock: VirtualClock; random: Random; events: EventRecorder }) {
  const { api, clock, random, events } = o;

  function schedule(pod: Pod) {
    const nodes = api.list<Node>('nodes');
    const pods = api.list<Pod>('pods').filter((p) => p.spec.nodeName && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    const want = podRequests(pod);
    const reasons = new Map<string, number>();
    const fail = (r: string) => reasons.set(r, (reasons.get(r) ?? 0) + 1);
    const feasible: Array<{ node: Node; score: number }> = [];
    for (const node of nodes) {
      if (node.spec.unschedulable) { fail('node(s) were unschedulable'); continue; }
      const taint = (node.spec.taints ?? []).find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod.spec.tolerations ?? [], t));
      if (taint) { fail(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`); continue; }
      const labels = node.metadata.labels ?? {};
      if (Object.entries(pod.spec.nodeSelector ?? {}).some(([k, v]) => labels[k] !== v)) { fail("node(s) didn't match Pod's node affinity/selector"); continue; }
      const onNode = pods.filter((p) => p.spec.nodeName === node.metadata.name);
      const used = onNode.reduce((a, p) => { const r = podRequests(p); return { cpu: a.cpu + r.cpu, memory: a.memory + r.memory }; }, { cpu: 0, memory: 0 });
      const alloc = { cpu: milli(node.status.allocatable.cpu), memory: milli(node.status.allocatable.memory), pods: Number(node.status.allocatable.pods ?? 110) };
      let insufficient = false;
      if (onNode.length + 1 > alloc.pods) { fail('Too many pods'); insufficient = true; }
      if (want.cpu > 0 && used.cpu + want.cpu > alloc.cpu) { fail('Insufficient cpu'); insufficient = true; }
      if (want.memory > 0 && used.memory + want.memory > alloc.memory) { fail('Insufficient memory'); insufficient = true; }
      if (insufficient) continue;
      // LeastAllocated: mean over cpu and memory of (allocatable - requested) * 100 / allocatable.
      const score = ((alloc.cpu - used.cpu - want.cpu) / alloc.cpu + (alloc.memory - used.memory - want.memory) / alloc.memory) * 50;
      feasible.push({ node, score });
    }
    if (feasible.length === 0) {
      const detail = [...reasons.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([r, n]) => `${n} ${r}`).join(', ');
      events.recordNew(pod, {
        type: 'Warning', reason: 'FailedScheduling', component: 'default-scheduler', reportingInstance: 'default-scheduler-controlplane', action: 'Scheduling',
        message: `0/${nodes.length} nodes are available: ${detail}. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`,
      });
      return;
    }
    const best = Math.max(...feasible.map((f) => Math.round(f.score)));
    const top = feasible.filter((f) => Math.round(f.score) === best);
    const chosen = top[random.int(top.length)].node.metadata.name!;
    api.bindPod(pod.metadata.namespace!, pod.metadata.name!, chosen);
    events.recordNew(pod, {
      type: 'Normal', reason: 'Scheduled', component: 'default-scheduler', reportingInstance: 'default-scheduler-controlplane', action: 'Binding',
      message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${chosen}`,
    });
  }

  return api.watch('pods', ({ type, object }) => {
    const pod = object as Pod;
    if (type !== 'ADDED' || pod.spec.nodeName || (pod.spec.schedulerName ?? 'default-scheduler') !== 'default-scheduler') return;
    clock.after(0, () => {
      const latest = api.find<Pod>('pods', pod.metadata.namespace, pod.metadata.name!);
      if (latest && latest.metadata.uid === pod.metadata.uid && !latest.spec.nodeName && !latest.metadata.deletionTimestamp) schedule(latest);
    });
  });
}
