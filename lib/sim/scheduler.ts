/**
 * The default scheduler, reduced to the plugins a Pods course meets. Models kubernetes pkg/scheduler (v1.34):
 * - Filter: NodeUnschedulable, NodeName, TaintToleration, NodeAffinity (nodeSelector), NodeResourcesFit
 *   (requests vs allocatable minus what is already requested; `Insufficient cpu`, `Too many pods`).
 * - Score: NodeResourcesFit LeastAllocated and NodeResourcesBalancedAllocation on non-zero requests
 *   (schedutil.DefaultMilliCPURequest 100m / DefaultMemoryRequest 200MB for containers without requests),
 *   ImageLocality; plugin weights as the v1 default profile; selectHost picks at random among the best.
 * - Failure: FitError.Error() (`0/3 nodes are available: <sorted "N reason">. preemption: ...`), the PodScheduled
 *   condition False/Unschedulable, a FailedScheduling event, and the scheduling queue's retry rules: back-off 1s
 *   doubling to 10s, requeue on pod deletion and node changes, and every unschedulable pod retried after 5 minutes.
 */
import type { ApiServer } from './apiserver';
import { clone } from './apiserver';
import type { VirtualClock } from './clock';
import type { Random } from './random';
import type { EventRecorder } from './events';
import type { Node, Pod, PodCondition, Toleration } from './types';
import { parseQuantity } from './quantity';
import { normalizeImage, lookupImage } from './runtime/images';
import { rfc3339 } from './time';

const milli = (q: string | undefined) => (q === undefined ? 0 : parseQuantity(q)?.milli ?? 0);
const DefaultMilliCPURequest = 100;
const DefaultMemoryRequest = 200 * 1024 * 1024; // 200MB in bytes
const podInitialBackoffMs = 1000;
const podMaxBackoffMs = 10_000;
const podMaxInUnschedulablePodsDurationMs = 5 * 60_000;
const flushUnschedulableEveryMs = 30_000;

export interface Requests { cpu: number; memory: number }

/** A pod's requests as the scheduler accounts them (containers summed, init containers as a max). cpu in millicores, memory in bytes. */
export function podRequests(pod: Pod, nonZero = false): Requests {
  const one = (r: Record<string, string> | undefined) => {
    const cpu = r?.cpu !== undefined ? milli(r.cpu) : nonZero ? DefaultMilliCPURequest : 0;
    const memory = r?.memory !== undefined ? milli(r.memory) / 1000 : nonZero ? DefaultMemoryRequest : 0;
    return { cpu, memory };
  };
  const sum = { cpu: 0, memory: 0 };
  for (const c of pod.spec.containers) { const r = one(c.resources?.requests); sum.cpu += r.cpu; sum.memory += r.memory; }
  for (const c of pod.spec.initContainers ?? []) {
    const r = one(c.resources?.requests);
    sum.cpu = Math.max(sum.cpu, r.cpu);
    sum.memory = Math.max(sum.memory, r.memory);
  }
  return sum;
}

/** Models TaintToleration's ToleratesTaint (v1.34 pkg/apis/core/v1/helper). */
export function tolerates(tolerations: Toleration[], taint: { key: string; value?: string; effect: string }): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.key && t.key !== taint.key) return false;
    if (t.operator === 'Exists') return true;
    return (t.operator ?? 'Equal') === 'Equal' && (t.value ?? '') === (taint.value ?? '');
  });
}

interface Fit { node: Node; reasons: string[]; unresolvable: boolean }

/** Starts the scheduler on the cluster. Returns a stop function. */
export function createScheduler(o: { api: ApiServer; clock: VirtualClock; random: Random; events: EventRecorder }): () => void {
  const { api, clock, random, events } = o;
  // Pods that failed to schedule: attempts (for back-off) and when they became unschedulable.
  const unschedulable = new Map<string, { attempts: number; since: number; retryAt: number; timer?: ReturnType<VirtualClock['after']> }>();
  const keyOf = (p: Pod) => p.metadata.uid!;

  function filter(pod: Pod, node: Node, assigned: Pod[]): Fit {
    const reasons: string[] = [];
    if (node.spec.unschedulable && !tolerates(pod.spec.tolerations ?? [], { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) {
      return { node, reasons: ['node(s) were unschedulable'], unresolvable: true };
    }
    const taint = (node.spec.taints ?? []).find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod.spec.tolerations ?? [], t));
    if (taint) return { node, reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`], unresolvable: true };
    const labels = node.metadata.labels ?? {};
    if (Object.entries(pod.spec.nodeSelector ?? {}).some(([k, v]) => labels[k] !== v)) {
      return { node, reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
    }
    const want = podRequests(pod);
    const used = assigned.reduce((a, p) => { const r = podRequests(p); return { cpu: a.cpu + r.cpu, memory: a.memory + r.memory }; }, { cpu: 0, memory: 0 });
    const alloc = allocatable(node);
    if (assigned.length + 1 > alloc.pods) reasons.push('Too many pods');
    if (want.cpu > 0 && used.cpu + want.cpu > alloc.cpu) reasons.push('Insufficient cpu');
    if (want.memory > 0 && used.memory + want.memory > alloc.memory) reasons.push('Insufficient memory');
    return { node, reasons, unresolvable: false };
  }

  const allocatable = (node: Node) => ({
    cpu: milli(node.status.allocatable.cpu), memory: milli(node.status.allocatable.memory) / 1000, pods: Number(node.status.allocatable.pods ?? 110),
  });

  function score(pod: Pod, node: Node, assigned: Pod[], nodes: Node[]): number {
    const alloc = allocatable(node);
    const req = assigned.reduce((a, p) => { const r = podRequests(p, true); return { cpu: a.cpu + r.cpu, memory: a.memory + r.memory }; }, podRequests(pod, true));
    const frac = (r: number, a: number) => (a === 0 ? 1 : Math.min(1, r / a));
    // LeastAllocated: ((allocatable - requested) * 100 / allocatable), averaged over cpu and memory (weights 1).
    const least = Math.floor((Math.floor(((alloc.cpu - req.cpu) * 100) / alloc.cpu) + Math.floor(((alloc.memory - req.memory) * 100) / alloc.memory)) / 2);
    // BalancedAllocation: (1 - standard deviation of the two fractions) * 100.
    const f = [frac(req.cpu, alloc.cpu), frac(req.memory, alloc.memory)];
    const balanced = Math.floor((1 - Math.abs(f[0] - f[1]) / 2) * 100);
    // ImageLocality: image sizes present on the node, scaled by spread, clamped to [23MB, 1000MB] per container.
    const images = new Set((node.status.images ?? []).flatMap((i) => i.names));
    let sum = 0;
    for (const c of pod.spec.containers) {
      const ref = normalizeImage(c.image ?? '').ref;
      if (!images.has(ref)) continue;
      const spread = nodes.filter((n) => (n.status.images ?? []).some((i) => i.names.includes(ref))).length / nodes.length;
      sum += (lookupImage(c.image ?? '')?.size ?? 0) * spread;
    }
    const minT = 23 * 1024 * 1024, maxT = 1000 * 1024 * 1024 * pod.spec.containers.length;
    const locality = Math.floor((Math.min(Math.max(sum, minT), maxT) - minT) * 100 / (maxT - minT));
    return least * 1 + balanced * 1 + locality * 1;
  }

  function fitError(pod: Pod, fits: Fit[], total: number): string {
    const hist = (items: string[]) => {
      const counts = new Map<string, number>();
      for (const r of items) counts.set(r, (counts.get(r) ?? 0) + 1);
      return [...counts].map(([r, n]) => `${n} ${r}`).sort().join(', ');
    };
    const filterMsg = hist(fits.flatMap((f) => f.reasons));
    // DefaultPreemption's PostFilter message: nodes failing on an unresolvable filter cannot be helped by preemption;
    // the others could, but a priority-0 pod finds no lower-priority victims.
    const pre = hist(fits.map((f) => (f.unresolvable ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod')));
    return `0/${total} nodes are available: ${filterMsg}. preemption: 0/${total} nodes are available: ${pre}.`;
  }

  function attempt(uid: string, namespace: string, name: string) {
    const pod = api.find<Pod>('pods', namespace, name);
    if (!pod || pod.metadata.uid !== uid || pod.spec.nodeName || pod.metadata.deletionTimestamp) { unschedulable.delete(uid); return; }
    const nodes = api.list<Node>('nodes');
    const running = api.list<Pod>('pods').filter((p) => p.spec.nodeName && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    const fits = nodes.map((n) => filter(pod, n, running.filter((p) => p.spec.nodeName === n.metadata.name)));
    const feasible = fits.filter((f) => f.reasons.length === 0);
    if (feasible.length === 0) return failed(pod, fitError(pod, fits, nodes.length));
    const scored = feasible.map((f) => ({ node: f.node, score: score(pod, f.node, running.filter((p) => p.spec.nodeName === f.node.metadata.name), nodes) }));
    const best = Math.max(...scored.map((s) => s.score));
    const top = scored.filter((s) => s.score === best);
    const chosen = top[random.int(top.length)].node.metadata.name!;
    unschedulable.get(uid)?.timer?.cancel();
    unschedulable.delete(uid);
    api.bindPod(namespace, name, chosen);
    events.recordNew(pod, {
      type: 'Normal', reason: 'Scheduled', component: 'default-scheduler', reportingInstance: 'default-scheduler-controlplane', action: 'Binding',
      message: `Successfully assigned ${namespace}/${name} to ${chosen}`,
    });
  }

  function failed(pod: Pod, message: string) {
    const uid = keyOf(pod);
    const prev = unschedulable.get(uid);
    const attempts = (prev?.attempts ?? 0) + 1;
    const backoff = Math.min(podMaxBackoffMs, podInitialBackoffMs * 2 ** (attempts - 1));
    unschedulable.set(uid, { attempts, since: prev?.since ?? clock.now(), retryAt: clock.now() + backoff });
    events.recordNew(pod, {
      type: 'Warning', reason: 'FailedScheduling', component: 'default-scheduler', reportingInstance: 'default-scheduler-controlplane', action: 'Scheduling', message,
    });
    // The PodScheduled condition carries the same message (schedule_one.go handleSchedulingFailure → updatePod).
    const cond: PodCondition = { lastProbeTime: null, lastTransitionTime: rfc3339(clock.now()), message, reason: 'Unschedulable', status: 'False', type: 'PodScheduled' };
    const old = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (old && old.status === 'False' && old.message === message) return;
    const next = clone(pod);
    next.status = { ...next.status, conditions: [...(next.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled'), old?.status === 'False' ? { ...cond, lastTransitionTime: old.lastTransitionTime } : cond] };
    api.updateStatus('pods', next);
  }

  /** Moves unschedulable pods back to the active queue, respecting each pod's back-off. */
  function requeue(filterFn: (since: number) => boolean) {
    for (const [uid, rec] of unschedulable) {
      if (rec.timer || !filterFn(rec.since)) continue;
      const pod = api.list<Pod>('pods').find((p) => p.metadata.uid === uid);
      if (!pod) { unschedulable.delete(uid); continue; }
      rec.timer = clock.after(Math.max(0, rec.retryAt - clock.now()), () => { rec.timer = undefined; attempt(uid, pod.metadata.namespace!, pod.metadata.name!); });
    }
  }

  const stopPods = api.watch('pods', ({ type, object }) => {
    const pod = object as Pod;
    if (type === 'DELETED') {
      const rec = unschedulable.get(pod.metadata.uid!);
      if (rec) { rec.timer?.cancel(); unschedulable.delete(pod.metadata.uid!); }
      // AssignedPodDelete frees resources: every unschedulable pod gets another try.
      if (pod.spec.nodeName) clock.after(0, () => requeue(() => true));
      return;
    }
    if (type !== 'ADDED' || pod.spec.nodeName || (pod.spec.schedulerName ?? 'default-scheduler') !== 'default-scheduler') return;
    clock.after(0, () => attempt(pod.metadata.uid!, pod.metadata.namespace!, pod.metadata.name!));
  });
  const stopNodes = api.watch('nodes', () => clock.after(0, () => requeue(() => true)));
  const flush = clock.every(flushUnschedulableEveryMs, () => requeue((since) => clock.now() - since >= podMaxInUnschedulablePodsDurationMs));
  return () => { stopPods(); stopNodes(); flush.cancel(); };
}
