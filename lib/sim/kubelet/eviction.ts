/**
 * The eviction manager, for memory: every 10s it compares memory.available with the hard threshold, reports
 * MemoryPressure, and while the threshold is met evicts one pod per round, ranked as upstream ranks them.
 * Models kubernetes pkg/kubelet/eviction (v1.34): eviction_manager.go synchronize / evictPod / Admit,
 * helpers.go (thresholdsMet, nodeConditionsObservedSince, rankMemoryPressure = exceedMemoryRequests, priority,
 * memory; evictionMessage and its formats), Start's loop with waitForPodsCleanup, defaults `memory.available<100Mi` and a 5m pressure transition period
 * (pkg/kubelet/apis/config/v1beta1 defaults), immediateEvictionGracePeriodSeconds = 1, and
 * pkg/kubelet/types IsCriticalPod.
 */
import type { Pod } from '../types';
import { formatBinarySI, memoryRequest, podMemoryRequest } from './resources';

/** Default hard threshold: memory.available<100Mi. */
export const memoryAvailableThreshold = 100 * 1024 * 1024;
/** How often the manager synchronizes (kubelet.go evictionMonitoringPeriod). */
export const evictionMonitoringPeriod = 10_000;
/** After an eviction the manager polls this often for the pod's resources to be reclaimed, at most podCleanupTimeout. */
export const podCleanupPollFreq = 1000;
export const podCleanupTimeout = 30_000;
/** How long MemoryPressure stays True after the threshold was last met (evictionPressureTransitionPeriod). */
export const pressureTransitionPeriod = 5 * 60_000;
/** Grace period of a hard eviction (eviction_manager.go immediateEvictionGracePeriodSeconds). */
export const immediateEvictionGracePeriodSeconds = 1;
/** pkg/apis/scheduling SystemCriticalPriority. */
const SystemCriticalPriority = 2_000_000_000;

/** Memory in use by one pod, per container (working sets, bytes). */
export interface PodMemoryStats { containers: Array<{ name: string; workingSet: number }> }
export type StatsFunc = (pod: Pod) => PodMemoryStats | undefined;

const podUsage = (s: PodMemoryStats) => s.containers.reduce((a, c) => a + c.workingSet, 0);
/** cmpBool: true sorts first. */
const cmpBool = (a: boolean, b: boolean) => (a === b ? 0 : a ? -1 : 1);

/** A comparison: negative when `a` is evicted before `b`. */
export type CmpFunc = (a: Pod, b: Pod) => number;

/** Pods using more memory than they request first; pods without stats before all. Models exceedMemoryRequests. */
export const exceedMemoryRequests = (stats: StatsFunc): CmpFunc => (a, b) => {
  const sa = stats(a), sb = stats(b);
  if (!sa || !sb) return cmpBool(!sa, !sb);
  return cmpBool(podUsage(sa) > podMemoryRequest(a), podUsage(sb) > podMemoryRequest(b));
};

/** Lower priority first. Models priority. */
export const priority: CmpFunc = (a, b) => Math.sign((a.spec.priority ?? 0) - (b.spec.priority ?? 0));

/** The largest use above request first. Models memory. */
export const memory = (stats: StatsFunc): CmpFunc => (a, b) => {
  const sa = stats(a), sb = stats(b);
  if (!sa || !sb) return cmpBool(!sa, !sb);
  return Math.sign((podUsage(sb) - podMemoryRequest(b)) - (podUsage(sa) - podMemoryRequest(a)));
};

/** Sorts by the comparisons in turn (stable). Models helpers.go orderedBy / multiSorter. Mutates `pods`. */
export function orderedBy(pods: Pod[], ...cmp: CmpFunc[]): Pod[] {
  return pods.sort((a, b) => { for (const c of cmp) { const r = c(a, b); if (r) return r; } return 0; });
}

/** Eviction order under memory pressure. Models helpers.go rankMemoryPressure. Mutates `pods`. */
export function rankMemoryPressure(pods: Pod[], stats: StatsFunc): Pod[] {
  return orderedBy(pods, exceedMemoryRequests(stats), priority, memory(stats));
}

/**
 * Why a pod was evicted, with the containers that used more than they requested.
 * Models helpers.go evictionMessage (nodeLowMessageFmt, thresholdMetMessageFmt, containerMessageFmt).
 */
export function evictionMessage(pod: Pod, stats: PodMemoryStats | undefined, available: number): string {
  let message = `The node was low on resource: memory. Threshold quantity: ${formatBinarySI(memoryAvailableThreshold)}, available: ${formatBinarySI(available)}. `;
  const specs = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  for (const cs of stats?.containers ?? []) {
    const spec = specs.find((c) => c.name === cs.name);
    if (!spec) continue;
    const request = memoryRequest(spec);
    if (cs.workingSet > request) message += `Container ${spec.name} was using ${formatBinarySI(cs.workingSet)}, request is ${spec.resources?.requests?.memory ?? '0'}, has larger consumption of memory. `;
  }
  return message;
}

/** Critical pods are never evicted. Models pkg/kubelet/types IsCriticalPod (static and mirror pods aside). */
export const isCriticalPod = (pod: Pod) => (pod.spec.priority ?? 0) >= SystemCriticalPriority;

export interface EvictionHost {
  now(): number;
  /** Node memory capacity and working set, bytes (the summary API's node memory). */
  nodeMemory(): { capacity: number; workingSet: number };
  /** Pods admitted here that are neither terminal nor terminating. */
  activePods(): Pod[];
  stats: StatsFunc;
  /** Node-level event (EvictionThresholdMet). */
  nodeEvent(type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** Kills the pod with a grace override and marks it Failed/Evicted. */
  evictPod(pod: Pod, gracePeriodOverride: number, message: string): void;
  podEvent(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string): void;
}

export interface EvictionManager {
  /** One monitoring round; returns the evicted pod, if any. Models synchronize. */
  synchronize(): Pod | undefined;
  /** Whether MemoryPressure is reported. */
  isUnderMemoryPressure(): boolean;
  /** Admission: BestEffort pods are refused under memory pressure. Models managerImpl.Admit. */
  admit(pod: Pod, qosClass: string | undefined): { admit: true } | { admit: false; reason: string; message: string };
}

/** Creates a node's eviction manager (memory.available only). */
export function createEvictionManager(h: EvictionHost): EvictionManager {
  let firstObservedAt: number | undefined;
  let lastObservedAt: number | undefined;
  let pressure = false;

  return {
    synchronize() {
      const { capacity, workingSet } = h.nodeMemory();
      const available = Math.max(0, capacity - workingSet);
      const met = available < memoryAvailableThreshold;
      const now = h.now();
      if (met) { firstObservedAt ??= now; lastObservedAt = now; } else firstObservedAt = undefined;
      pressure = lastObservedAt !== undefined && now - lastObservedAt < pressureTransitionPeriod;
      if (!met) return undefined;
      h.nodeEvent('Warning', 'EvictionThresholdMet', 'Attempting to reclaim memory');
      const pods = rankMemoryPressure(h.activePods(), h.stats);
      for (const pod of pods) {
        if (isCriticalPod(pod)) continue; // evictPod: "cannot evict a critical pod"
        const message = evictionMessage(pod, h.stats(pod), available);
        h.podEvent(pod, 'Warning', 'Evicted', message);
        h.evictPod(pod, immediateEvictionGracePeriodSeconds, message);
        return pod;
      }
      return undefined;
    },
    isUnderMemoryPressure: () => pressure,
    admit(pod, qosClass) {
      if (!pressure || isCriticalPod(pod) || qosClass !== 'BestEffort') return { admit: true };
      return { admit: false, reason: 'Evicted', message: 'The node had condition: [MemoryPressure]. ' };
    },
  };
}
