/**
 * Pod QoS class. Models kubernetes pkg/apis/core/helper/qos/qos.go GetPodQOS / ComputePodQOS (v1.34), for
 * container-level resources (pod-level resources are not simulated). Quantities are summed and compared exactly,
 * so `0.5` and `500m` are the same amount.
 */
import type { Pod } from '../types';
import { parseQuantity, Quantity } from '../quantity';

const supportedQoSComputeResources = new Set(['cpu', 'memory']);

/** Adds each positive cpu/memory quantity of `list` into `into`; returns the names it found. Models processResourceList. */
function addPositive(into: Map<string, Quantity>, list: Record<string, string> | undefined): Set<string> {
  const found = new Set<string>();
  for (const [name, value] of Object.entries(list ?? {})) {
    const q = parseQuantity(String(value));
    if (!supportedQoSComputeResources.has(name) || !q || q.cmp(Quantity.zero()) !== 1) continue;
    found.add(name);
    into.set(name, into.has(name) ? q.add(into.get(name)!) : q);
  }
  return found;
}

/** Returns the pod's `status.qosClass` if set, else computes `Guaranteed`, `Burstable` or `BestEffort`. */
export function getPodQOS(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const stored = pod.status?.qosClass;
  if (stored === 'Guaranteed' || stored === 'Burstable' || stored === 'BestEffort') return stored;
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let isGuaranteed = true;
  // Ephemeral containers are not considered for QoS as they cannot define resources.
  for (const c of [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])]) {
    addPositive(requests, c.resources?.requests);
    const qosLimitsFound = addPositive(limits, c.resources?.limits);
    if (!(qosLimitsFound.has('memory') && qosLimitsFound.has('cpu'))) isGuaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  // Check if requests match limits for all resources.
  if (isGuaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || lim.cmp(req) !== 0) { isGuaranteed = false; break; }
    }
  }
  if (isGuaranteed && requests.size === limits.size) return 'Guaranteed';
  return 'Burstable';
}
