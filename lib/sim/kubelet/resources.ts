/**
 * Container and pod resource amounts as the kubelet reads them, and quantities printed as apimachinery does.
 * The one place the kubelet parses quantities (lib/sim/quantity.ts).
 */
import type { Container, Pod } from '../types';
import { parseQuantity } from '../quantity';

const quantity = (q: string | undefined) => (q === undefined ? undefined : parseQuantity(String(q)));

/** The limits the runtime enforces: CPU millicores and memory bytes (undefined = unlimited). */
export function containerLimits(c: Container): { cpuMilli?: number; memoryBytes?: number } {
  const cpu = quantity(c.resources?.limits?.cpu)?.milliValue();
  const mem = quantity(c.resources?.limits?.memory)?.value();
  return { ...(cpu ? { cpuMilli: cpu } : {}), ...(mem ? { memoryBytes: mem } : {}) };
}

/** A container's memory request in bytes (0 when none). */
export function memoryRequest(c: Container): number {
  return quantity(c.resources?.requests?.memory)?.value() ?? 0;
}

/**
 * The pod's effective memory request: the larger of the sum over regular containers (and sidecars) and the largest
 * init container. Models pkg/api/v1/resource GetResourceRequestQuantity for container-level resources.
 */
export function podMemoryRequest(pod: Pod): number {
  let sum = 0, initMax = 0;
  for (const c of pod.spec.containers) sum += memoryRequest(c);
  for (const c of pod.spec.initContainers ?? []) {
    if (c.restartPolicy === 'Always') sum += memoryRequest(c);
    else initMax = Math.max(initMax, memoryRequest(c));
  }
  return Math.max(sum, initMax);
}

const binarySuffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/**
 * A byte count as resource.NewQuantity(n, BinarySI).String() prints it: below 1024 plainly, else with the largest
 * binary suffix that divides it exactly (`100Mi`, `92160Ki`, `1536`). Models Quantity.CanonicalizeBytes.
 */
export function formatBinarySI(bytes: number): string {
  let n = Math.round(bytes);
  if (Math.abs(n) < 1024) return String(n);
  let k = 0;
  while (k < 6 && n % 1024 === 0) { n /= 1024; k++; }
  return `${n}${binarySuffixes[k]}`;
}

/** A working set as cgroups account it: whole 4 KiB pages. */
export const pages = (bytes: number) => Math.floor(bytes / 4096) * 4096;
