/**
 * The seam between the kubelet and the container runtime: what the kubelet can do with a running container and
 * what it can observe, as the CRI and the container's network namespace allow a real kubelet. The runtime owns the
 * container's main process, its filesystem, its servers and its resource use; the kubelet owns restarts, probes,
 * hooks, status and events.
 */
import type { VirtualClock } from '../clock';
import type { Random } from '../random';
import type { Container, EnvVar } from '../types';
import type { ImageInfo } from './images';

export type Signal = 'TERM' | 'KILL';

/** Result of a command run inside the container (kubectl exec, exec probes, exec hooks). */
export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Simulated time the command took (e.g. `sleep 3` → 3000); probes compare it with timeoutSeconds. */
  durationMs: number;
}

/** Answer of an HTTP GET inside the pod's network namespace, or why there was none. */
export type HttpResult =
  | { status: number; body: string; headers?: Record<string, string>; durationMs: number }
  | { error: 'connection refused' | 'timeout'; durationMs: number };

export interface ResourceUsage {
  /** CPU in use, millicores (already capped by the CPU limit: that is throttling). */
  cpuMilli: number;
  /** Resident memory, bytes (working set, as the kubelet's summary API reports it). */
  memoryBytes: number;
  /** Time spent throttled since start, ms (cpu.stat throttled_usec). */
  throttledMs: number;
}

export interface ContainerProcess {
  /** Delivers a signal to PID 1. A process that installs no TERM handler as PID 1 (sleep, sh -c) ignores TERM. */
  signal(sig: Signal): void;
  /** Stops all of the process's timers without reporting an exit (the pod is gone). */
  dispose(): void;
  /** Runs argv in the container's filesystem and environment. Never throws; an unknown command exits 127. */
  exec(argv: string[], opts?: { stdin?: string }): ExecResult;
  /** HTTP GET to `port` on the pod IP (servers in this container answer; others refuse). */
  httpGet(port: number, path: string, headers?: Record<string, string>): HttpResult;
  /** Whether something in the container listens on TCP `port`. */
  listening(port: number): boolean;
  usage(): ResourceUsage;
  /** Everything the container wrote to stdout/stderr, as `kubectl logs` shows it (one string, `\n` line ends). */
  logs(): string;
}

export interface StartOptions {
  clock: VirtualClock;
  random: Random;
  image: ImageInfo;
  container: Container;
  /** Environment as the kubelet builds it (container env + service links); HOSTNAME is the pod name. */
  env: EnvVar[];
  podName: string;
  /** Limits the runtime enforces (cgroups): undefined = unlimited. */
  limits: { cpuMilli?: number; memoryBytes?: number };
  /**
   * Called once when PID 1 exits: exit code and the runtime's reason (`Completed`, `Error`, `OOMKilled`).
   * The runtime reports OOMKilled (exit 137) itself when memory use passes the memory limit.
   */
  onExit(exitCode: number, reason: 'Completed' | 'Error' | 'OOMKilled'): void;
}
