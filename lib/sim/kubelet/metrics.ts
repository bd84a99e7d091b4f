/**
 * Resource usage as metrics-server serves it (metrics.k8s.io/v1beta1, what `kubectl top` reads): it scrapes each
 * kubelet's summary API every 15s (--metric-resolution) and reports the last scrape. A container shows up once it
 * has been running for a whole scrape interval (metrics-server needs two points to rate CPU).
 * Models kubernetes-sigs/metrics-server pkg/scraper + pkg/storage (window = resolution), and the kubelet summary's
 * node working set (pods plus the system: kernel, kubelet, containerd).
 */
import { rfc3339 } from '../time';

/** metrics-server's default --metric-resolution. */
export const metricResolution = 15_000;

/**
 * Node usage outside pods on a kubeadm worker (OS, kubelet, containerd, systemd): the summary API's node working
 * set and CPU minus its pods. An estimate of a quiet Ubuntu node, not an upstream constant.
 */
export const systemOverhead = { cpuMilli: 40, memoryBytes: 460 * 1024 * 1024 };

export interface ContainerMetrics { name: string; cpuMilli: number; memoryBytes: number }

export interface PodMetrics {
  namespace: string;
  name: string;
  /** RFC 3339 time of the scrape the figures come from. */
  timestamp: string;
  /** Go duration of the rate window, e.g. `15s`. */
  window: string;
  containers: ContainerMetrics[];
}

export interface NodeMetrics { name: string; timestamp: string; window: string; cpuMilli: number; memoryBytes: number }

/** The most recent scrape instant at or before `now` for a scraper with offset `phase`. */
export function lastScrape(now: number, phase: number): number {
  return phase + Math.floor((now - phase) / metricResolution) * metricResolution;
}

/** Stamps of a scrape, as PodMetrics/NodeMetrics carry them. */
export function scrapeStamp(at: number): { timestamp: string; window: string } {
  return { timestamp: rfc3339(at), window: `${metricResolution / 1000}s` };
}
