/**
 * Per-item exponential back-off and the kubelet's back-off constants.
 * Models kubernetes staging/src/k8s.io/client-go/util/flowcontrol/backoff.go Backoff (v1.34), as the kubelet builds
 * it: NewBackOff (no jitter), and for container restarts the HasExpiredFunc of pkg/kubelet/kubelet.go NewMainKubelet.
 * Times are virtual-clock milliseconds.
 */
import type { Random } from '../random';

// Models kubernetes pkg/kubelet/kubelet.go constants (v1.34). The alpha gates ReduceDefaultCrashLoopBackOffDecay
// (1s→60s) and KubeletCrashLoopBackOffMax (node-configured max) are off by default in v1.34 (pkg/features
// kube_features.go: alpha since 1.33 / 1.32; the latter beta and on only from 1.35), so newCrashLoopBackOff
// returns these two.
/** First wait before restarting a crashed container. */
export const initialCrashLoopBackOff = 10_000;
/** Longest wait; kubelet config v1beta1 MaxContainerBackOff (300s). */
export const MaxCrashLoopBackOff = 300_000;
/** First wait before retrying a failed image pull. */
export const imageBackOffPeriod = 10_000;
/** Longest wait between image pulls. */
export const MaxImageBackOff = 300_000;
/** How long a pod worker waits after a sync that returned an error (pod_workers.go completeWork). */
export const backOffPeriod = 10_000;
/** Jitter factor applied to backOffPeriod (pod_workers.go workerBackOffPeriodJitterFactor). */
export const workerBackOffPeriodJitterFactor = 0.5;
/** A container that ran longer than this since its last restart starts again from initialCrashLoopBackOff. */
export const crashLoopResetAfter = 600_000;

interface BackoffEntry { backoff: number; lastUpdate: number }

export type HasExpiredFunc = (eventTime: number, lastUpdate: number, maxDuration: number) => boolean;

export interface Backoff {
  /** The current back-off of `id`, 0 when it has none. */
  get(id: string): number;
  /** Moves `id` to its next back-off (initial, then doubling up to the maximum). Mutates. */
  next(id: string, eventTime: number): void;
  /** Forgets `id`. Mutates. */
  reset(id: string): void;
  /** Whether less than the current back-off has passed since `eventTime` (the container's last exit). */
  isInBackOffSince(id: string, eventTime: number): boolean;
  /** Whether less than the current back-off lies between the last `next` and `eventTime`. */
  isInBackOffSinceUpdate(id: string, eventTime: number): boolean;
  /** Drops entries that have expired. Mutates. */
  gc(): void;
}

/** Default expiry: stable after twice the maximum (backoff.go hasExpired). */
const defaultHasExpired: HasExpiredFunc = (eventTime, lastUpdate, maxDuration) => eventTime - lastUpdate > maxDuration * 2;

/** Creates a back-off without jitter. Models flowcontrol.NewBackOff (plus an optional HasExpiredFunc). */
export function newBackOff(initial: number, max: number, now: () => number, hasExpiredFunc?: HasExpiredFunc): Backoff {
  const perItemBackoff = new Map<string, BackoffEntry>();
  const hasExpired = hasExpiredFunc ?? defaultHasExpired;
  return {
    get: (id) => perItemBackoff.get(id)?.backoff ?? 0,
    next(id, eventTime) {
      let entry = perItemBackoff.get(id);
      if (!entry || hasExpired(eventTime, entry.lastUpdate, max)) {
        entry = { backoff: initial, lastUpdate: 0 };
        perItemBackoff.set(id, entry);
      } else {
        entry.backoff = Math.min(entry.backoff * 2, max);
      }
      entry.lastUpdate = now();
    },
    reset: (id) => { perItemBackoff.delete(id); },
    isInBackOffSince(id, eventTime) {
      const entry = perItemBackoff.get(id);
      if (!entry || hasExpired(eventTime, entry.lastUpdate, max)) return false;
      return now() - eventTime < entry.backoff;
    },
    isInBackOffSinceUpdate(id, eventTime) {
      const entry = perItemBackoff.get(id);
      if (!entry || hasExpired(eventTime, entry.lastUpdate, max)) return false;
      return eventTime - entry.lastUpdate < entry.backoff;
    },
    gc() {
      const t = now();
      for (const [id, entry] of perItemBackoff) if (hasExpired(t, entry.lastUpdate, max)) perItemBackoff.delete(id);
    },
  };
}

/**
 * The container restart back-off: 10s doubling to 300s, reset once a container ran more than 600s after its last
 * restart. Models pkg/kubelet/kubelet.go newCrashLoopBackOff and the HasExpiredFunc NewMainKubelet installs.
 */
export function newCrashLoopBackOff(now: () => number): Backoff {
  return newBackOff(initialCrashLoopBackOff, MaxCrashLoopBackOff, now, (eventTime, lastUpdate) => eventTime - lastUpdate > crashLoopResetAfter);
}

/** `d` plus a random fraction up to `factor` of it. Models k8s.io/apimachinery/pkg/util/wait Jitter. */
export function jitter(d: number, factor: number, random: Random): number {
  return d + Math.floor(random.next() * factor * d);
}
