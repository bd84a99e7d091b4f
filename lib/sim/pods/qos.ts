/**
 * Pod QoS class. Models kubernetes pkg/apis/core/helper/qos/qos.go GetPodQOS / ComputePodQOS (v1.34),
 * for container-level resources (pod-level resources are not simulated).
 */
import type { Pod } from '../types';
import { parseQuantity } from '../quantity';

const supportedQoSComputeResources = new Set(['cpu', 'memory']);

/** Returns `Guaranteed`, `Burstable` or `BestEffort` for the pod's containers and init containers. */
export function getPodQOS(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let isGuaranteed = true;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  for (const c of [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])]) {
    for (const [name, q] of Object.entries(c.resources?.requests ?? {})) {
      const v = parseQuantity(String(q))?.milli ?? 0;
      if (supportedQoSComputeResources.has(name) && v !== 0) add(requests, name, v);
    }
    const qosLimitsFound = new Set<string>();
    for (const [name, q] of Object.entries(c.resources?.limits ?? {})) {
      const v = parseQuantity(String(q))?.milli ?? 0;
      if (supportedQoSComputeResources.has(name) && v !== 0) {
        qosLimitsFound.add(name);
        add(limits, name, v);
      }
    }
    if (!(qosLimitsFound.has('cpu') && qosLimitsFound.has('memory'))) isGuaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (isGuaranteed) {
    for (const [name, req] of requests) if (limits.get(name) !== req) { isGuaranteed = false; break; }
  }
  if (isGuaranteed && requests.size === limits.size) return 'Guaranteed';
  return 'Burstable';
}
