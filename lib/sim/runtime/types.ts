/**
 * The seam between the kubelet and the container runtime: what the kubelet can do with a running container and
 * what it can observe, as the CRI and the container's network namespace allow a real kubelet. The runtime owns the
 * container's main process, its filesystem, its servers and its resource use; the kubelet owns restarts, probes,
 * hooks, status and events.
 */
import type { VirtualClock } from '../clock';
import type { Random } from '../random';
import type { Container, EnvVar } from '../types';
import type { Mount } from './fs';
import type { ImageInfo } from './images';

export type Signal = 'TERM' | 'KILL';

/** Result of a command run inside the container (kubectl exec, exec probes, exec hooks). */
export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Simulated time the command took (e.g. `sleep 3` → 3000); probes compare it with timeoutSeconds. */
  durationMs: number;
  /**
   * Added: set when the runtime could not run the command at all (argv[0] not in the image, container not running).
   * The text is containerd's; kubectl prints `error: <runtimeError>` and exits 1. exitCode is then 126.
   */
  runtimeError?: string;
  /** Added: the command was still running after `timeoutMs` and was killed (exitCode 137, durationMs = timeoutMs). */
  timedOut?: boolean;
}

/** Answer of an HTTP GET inside the pod's network namespace, or why there was none. */
export type HttpResult =
  | { status: number; body: string; headers?: Record<string, string>; durationMs: number }
  /** `EOF` (added): the server accepted and closed without answering (redis given HTTP). */
  | { error: 'connection refused' | 'timeout' | 'EOF'; durationMs: number };

/**
 * Added: faults the lab injects into a running container (the lead exposes them as shell commands).
 * - `memory-leak`: resident memory grows by `bytesPerSecond` from now on (an OOM kill follows at the limit).
 * - `fail-health`: the container's HTTP servers answer 500 on `path` (every path when omitted).
 * - `slow`: HTTP answers take `delayMs` (a probe with a shorter timeoutSeconds times out).
 * - `crash`: PID 1 exits now with `exitCode` (default 1), as an application crash.
 * - `recover`: undoes `fail-health` and `slow` (leaked memory stays).
 */
export type Fault =
  | { kind: 'memory-leak'; bytesPerSecond: number }
  | { kind: 'fail-health'; path?: string }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'crash'; exitCode?: number }
  | { kind: 'recover' };

/** Added: one line of container output with the time it was written, for `kubectl logs --timestamps/--since`. */
export interface LogLine { time: number; stream: 'stdout' | 'stderr'; text: string }

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
  /**
   * Runs argv in the container's filesystem and environment. Never throws; an unknown command exits 127.
   * Added `timeoutMs` (default 600000): a command still running after that much simulated time is killed.
   */
  exec(argv: string[], opts?: { stdin?: string; timeoutMs?: number }): ExecResult;
  /** HTTP GET to `port` on the pod IP (servers in this container answer; others refuse). */
  httpGet(port: number, path: string, headers?: Record<string, string>): HttpResult;
  /** Whether something in the container listens on TCP `port`. */
  listening(port: number): boolean;
  usage(): ResourceUsage;
  /** Everything the container wrote to stdout/stderr, as `kubectl logs` shows it (one string, `\n` line ends). */
  logs(): string;
  /** Added: the same output as timed lines (a last unterminated line included). */
  logLines?(): LogLine[];
  /** Added: injects a fault (see Fault). Ignored once the container has exited. */
  fault?(f: Fault): void;
  /** Added: a file's contents in the container (e.g. terminationMessagePath), or undefined. Works after exit too. */
  readFile?(path: string): string | undefined;
  /**
   * Added: an HTTP GET from `from` (default: the node's address on the pod network, as a kubelet probe arrives;
   * a Service client passes its pod IP). Same as httpGet otherwise.
   */
  request?(req: { port: number; path: string; headers?: Record<string, string>; from?: string }): HttpResult;
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
   * Added: `StartError` (exit 128) when argv[0] cannot be executed, with containerd's message as `message`.
   */
  onExit(exitCode: number, reason: 'Completed' | 'Error' | 'OOMKilled' | 'StartError', message?: string): void;
  /** Added: the pod's IP (for /etc/hosts, server logs, the probe source address). */
  podIP?: string;
  /** Added: the pod's namespace (for /etc/resolv.conf); default `default`. */
  namespace?: string;
  /** Added: volumes mounted into the container (emptyDir, configMap…), shared by reference between containers. */
  mounts?: Mount[];
  /** Added: the node's capacity (top, free, `stress-ng -c 0`, the CPU a process can get); default 2 CPUs, 4 GiB. */
  node?: { cpuMilli: number; memoryBytes: number };
  /** Added: reaches other pods and Services (wget/curl to a non-local host); undefined = no such host. */
  network?: { httpGet(host: string, port: number, path: string, headers: Record<string, string>, from: string): HttpResult | undefined };
}
