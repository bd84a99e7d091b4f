/**
 * Liveness, readiness and startup probes.
 * Models kubernetes pkg/kubelet/prober (v1.34): prober_manager.go (AddPod, StopLivenessAndStartup, RemovePod,
 * UpdatePodStatus with the immediate readiness trigger), worker.go (run, doProbe: thresholds, onHold, initial delay,
 * the first-probe jitter only while the kubelet is young), prober.go (probe, runProbe, event wording),
 * results/results_manager.go (Set reports only changes), and pkg/probe exec/exec.go, http/http.go + request.go,
 * tcp/tcp.go, grpc/grpc.go, util.go ResolveContainerPort (outputs and error texts).
 */
import type { TimerHandle, VirtualClock } from '../clock';
import type { Random } from '../random';
import type { ContainerProcess } from '../runtime/types';
import type { Container, ContainerStatus, Pod, PodStatus, Probe } from '../types';
import { goDuration } from '../time';
import { expandCommandOnlyStatic } from './env';

export type ProbeType = 'Liveness' | 'Readiness' | 'Startup';
/** results.Result. */
export type ProbeResult = 'Success' | 'Failure' | 'Unknown';
/** pkg/probe Result, as prober.go prints it in "resulted in %s state". */
type RawResult = 'success' | 'warning' | 'failure' | 'unknown';

/** The User-Agent of every probe request (request.go userAgent: kube-probe/<major>.<minor>). */
export const probeUserAgent = 'kube-probe/1.34';
const maxRespBodyLength = 10 * 1024; // http.go
const maxReadLength = 10 * 1024; // exec.go

/** What the kubelet lends the prober: time, the status manager's cache, the runtime, the recorder. */
export interface ProbeHost {
  clock: VirtualClock;
  random: Random;
  /** When this kubelet started (the manager's `start`; the first probe is jittered while it is younger than a period). */
  kubeletStart: number;
  /** The latest Pod object known for `uid`. */
  pod(uid: string): Pod | undefined;
  /** The status manager's cached status of `uid`, or undefined before the first sync. */
  cachedStatus(uid: string): PodStatus | undefined;
  /** Exact start time (ms) of a running container; the API's startedAt has whole seconds only. */
  startedAt(containerID: string): number | undefined;
  /** The running process of a container, if any. */
  process(containerID: string): ContainerProcess | undefined;
  recordContainerEvent(pod: Pod, container: Container, type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** A probe result changed (results.Manager Updates channel). */
  onResult(type: ProbeType, podUID: string, containerID: string, result: ProbeResult): void;
}

export interface ProbeManager {
  /** Starts workers for every probe of the pod's containers and sidecars that has none. Models AddPod. */
  addPod(pod: Pod): void;
  /** Stops liveness and startup workers (termination begins). */
  stopLivenessAndStartup(pod: Pod): void;
  /** Stops every worker of the pod. */
  removePod(uid: string): void;
  /** Fills `started` and `ready` of a freshly generated status; triggers readiness probes. Mutates `status`. */
  updatePodStatus(pod: Pod, status: PodStatus): void;
  /** The last result a probe type recorded for a container. */
  get(type: ProbeType, containerID: string): ProbeResult | undefined;
  /** Whether a worker exists (a probe that has not run yet still counts). */
  hasWorker(uid: string, container: string, type: ProbeType): boolean;
}

/** What one probe attempt returned: pkg/probe's result, its output, a prober error, and how long it took. */
export interface Outcome { result: RawResult; output: string; err?: string; durationMs: number }

/** Port number for an int-or-string probe port. Models pkg/probe/util.go ResolveContainerPort. */
export function resolveContainerPort(param: number | string, container: Container): number | { err: string } {
  let port: number;
  if (typeof param === 'number') port = param;
  else {
    const named = container.ports?.find((p) => p.name === param);
    if (named) port = named.containerPort;
    else if (/^[+-]?\d+$/.test(param)) port = Number(param);
    else return { err: `strconv.Atoi: parsing ${JSON.stringify(param)}: invalid syntax` };
  }
  return port > 0 && port < 65536 ? port : { err: `invalid port number: ${port}` };
}

const hostPort = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);
const refused = (host: string, port: number) => `dial tcp ${hostPort(host, port)}: connect: connection refused`;

/** A probe's handler, resolved once per worker (command, port, headers): run it against a container. */
export type PreparedProbe = (podIP: string, proc: ContainerProcess) => Outcome;

const fail = (output: string, durationMs = 0): Outcome => ({ result: 'failure', output, durationMs });
const SUCCESS: Outcome = Object.freeze({ result: 'success', output: '', durationMs: 0 });

const getError = (scheme: string, host: string, port: number, path: string, msg: string, durationMs: number) =>
  fail(`Get ${JSON.stringify(`${scheme}://${hostPort(host, port)}${path}`)}: ${msg}`, durationMs);
const DEADLINE = 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)';

/** HTTP GET as the prober does it (redirects to the same host followed, others end in a warning). */
function httpProbe(proc: ContainerProcess, scheme: string, host: string, podIP: string, port: number, path: string, headers: Record<string, string>, timeoutMs: number): Outcome {
  if (host !== podIP) return getError(scheme, host, port, path, refused(host, port), 0);
  if (scheme === 'https') return getError(scheme, host, port, path, proc.listening(port) ? 'http: server gave HTTP response to HTTPS client' : refused(host, port), 0);
  let res = proc.httpGet(port, path, headers);
  let elapsed = res.durationMs;
  for (let hops = 0; !('error' in res) && res.status >= 300 && res.status < 400 && res.headers?.Location; hops++) {
    const m = /^https?:\/\/([^/:]+)(?::(\d+))?(\/.*)?$/.exec(res.headers.Location);
    if (m && m[1] !== host) break; // http.go redirectChecker: a redirect to another host is not followed
    if (hops === 9) return getError(scheme, host, port, path, 'stopped after 10 redirects', elapsed);
    res = proc.httpGet(m ? Number(m[2] ?? (scheme === 'https' ? 443 : 80)) : port, m ? (m[3] ?? '/') : res.headers.Location, headers);
    elapsed += res.durationMs;
  }
  if ('error' in res || elapsed > timeoutMs) {
    if (elapsed > timeoutMs || ('error' in res && res.error === 'timeout')) return getError(scheme, host, port, path, DEADLINE, timeoutMs);
    return getError(scheme, host, port, path, 'error' in res && res.error === 'EOF' ? 'EOF' : refused(host, port), elapsed);
  }
  const body = res.body.length > maxRespBodyLength ? res.body.slice(0, maxRespBodyLength) : res.body;
  if (res.status >= 200 && res.status < 300) return { result: 'success', output: body, durationMs: elapsed };
  if (res.status >= 300 && res.status < 400) return { result: 'warning', output: body, durationMs: elapsed };
  return fail(`HTTP probe failed with statuscode: ${res.status}`, elapsed);
}

/** Resolves a probe's handler for a container. Models prober.go runProbe and the pkg/probe probers. */
export function prepareProbe(p: Probe, container: Container): PreparedProbe {
  const timeoutMs = (p.timeoutSeconds ?? 1) * 1000;
  if (p.exec) {
    const command = expandCommandOnlyStatic(p.exec.command ?? [], container.env);
    // cri-client remote_runtime.go ExecSync: DeadlineExceeded becomes ErrCommandTimedOut, which exec.go turns into a
    // failure whose output is the error (ExecProbeTimeout is on).
    const timedOut = `command timed out: ${JSON.stringify(command.join(' '))} timed out after ${goDuration(timeoutMs)}`;
    return (_ip, proc) => {
      const r = proc.exec(command, { timeoutMs });
      // A command the runtime cannot run at all is an ExecSync error: the probe errs (and is thrown away).
      if (r.runtimeError) return { result: 'unknown', output: '', err: `rpc error: code = Unknown desc = ${r.runtimeError.replace(/^Internal error occurred: error executing command in container: /, '')}`, durationMs: 0 };
      if (r.timedOut || r.durationMs > timeoutMs) return fail(timedOut, timeoutMs);
      const output = (r.stdout + r.stderr).slice(0, maxReadLength);
      return r.exitCode === 0 ? (output || r.durationMs ? { result: 'success', output, durationMs: r.durationMs } : SUCCESS) : fail(output, r.durationMs);
    };
  }
  const unknown = (err: string): PreparedProbe => () => ({ result: 'unknown', output: '', err, durationMs: 0 });
  if (p.httpGet) {
    const g = p.httpGet;
    const port = resolveContainerPort(g.port, container);
    if (typeof port !== 'number') return unknown(port.err);
    const headers: Record<string, string> = {};
    for (const h of g.httpHeaders ?? []) headers[h.name] = h.name in headers ? `${headers[h.name]}, ${h.value}` : h.value;
    if (!('User-Agent' in headers)) headers['User-Agent'] = probeUserAgent;
    if (!('Accept' in headers)) headers.Accept = '*/*';
    else if (headers.Accept === '') delete headers.Accept;
    const path = g.path ? (g.path.startsWith('/') ? g.path : `/${g.path}`) : '';
    const scheme = (g.scheme ?? 'HTTP').toLowerCase();
    return (podIP, proc) => httpProbe(proc, scheme, g.host || podIP, podIP, port, path, headers, timeoutMs);
  }
  if (p.tcpSocket) {
    const port = resolveContainerPort(p.tcpSocket.port, container);
    if (typeof port !== 'number') return unknown(port.err);
    const fixedHost = p.tcpSocket.host;
    return (podIP, proc) => {
      const host = fixedHost || podIP;
      return host === podIP && proc.listening(port) ? SUCCESS : fail(refused(host, port));
    };
  }
  if (p.grpc) {
    const port = p.grpc.port;
    return (podIP, proc) => {
      const addr = hostPort(podIP, port);
      // grpc.go dials WithBlock: a refused connection is retried until the timeout.
      if (!proc.listening(port)) return fail(`timeout: failed to connect service ${JSON.stringify(addr)} within ${goDuration(timeoutMs)}: context deadline exceeded`, timeoutMs);
      return fail('error: health rpc probe failed: rpc error: code = Unavailable desc = connection closed before server preface received', 1);
    };
  }
  return unknown('missing probe handler');
}

/** Runs one probe against a running container. */
export function runProbe(p: Probe, container: Container, podIP: string, proc: ContainerProcess): Outcome {
  return prepareProbe(p, container)(podIP, proc);
}

const probeOf = (c: Container, type: ProbeType) => (type === 'Liveness' ? c.livenessProbe : type === 'Readiness' ? c.readinessProbe : c.startupProbe);
function findStatus(list: ContainerStatus[] | undefined, name: string): ContainerStatus | undefined {
  if (list) for (const s of list) if (s.name === name) return s;
  return undefined;
}

interface Worker {
  type: ProbeType;
  stop(): void;
  /** manualTriggerCh: runs a probe now unless one is already queued. */
  trigger(): void;
}

/** Creates the probe manager of one kubelet. */
export function createProbeManager(host: ProbeHost): ProbeManager {
  const { clock, random } = host;
  const workers = new Map<string, Worker>(); // `${uid}/${container}/${type}`
  const results: Record<ProbeType, Map<string, ProbeResult>> = { Liveness: new Map(), Readiness: new Map(), Startup: new Map() };
  const key = (uid: string, name: string, type: ProbeType) => `${uid}/${name}/${type}`;

  /** results.Manager Set: records and reports only a change. */
  function setResult(type: ProbeType, id: string, result: ProbeResult, pod: Pod) {
    if (results[type].get(id) === result) return;
    results[type].set(id, result);
    host.onResult(type, pod.metadata.uid!, id, result);
  }

  function newWorker(type: ProbeType, pod: Pod, container: Container): Worker {
    const uid = pod.metadata.uid!;
    const spec = probeOf(container, type)!;
    const initialValue: ProbeResult = type === 'Readiness' ? 'Failure' : type === 'Liveness' ? 'Success' : 'Unknown';
    const periodMs = (spec.periodSeconds ?? 10) * 1000;
    const run = prepareProbe(spec, container);
    let containerID = '';
    let lastResult: ProbeResult | undefined;
    let resultRun = 0;
    let onHold = false;
    let stopped = false;
    let inFlight = false;
    let queued = false;
    let timer: TimerHandle | undefined;

    const stop = () => {
      if (stopped) return;
      stopped = true;
      timer?.cancel();
      if (containerID) results[type].delete(containerID);
      workers.delete(key(uid, container.name, type));
    };
    const loop = () => { if (!stopped && !inFlight && !doProbe()) stop(); };

    /** Applies a finished probe. Models the second half of worker.go doProbe. */
    function record(result: ProbeResult, p: Pod) {
      if (lastResult === result) resultRun++;
      else { lastResult = result; resultRun = 1; }
      if ((result === 'Failure' && resultRun < (spec.failureThreshold ?? 3)) || (result === 'Success' && resultRun < (spec.successThreshold ?? 1))) return;
      setResult(type, containerID, result, p);
      if ((type === 'Liveness' || type === 'Startup') && result === 'Failure') {
        // Stop probing until a new container ID appears (worker.go: avoids exec into a dying container, #21751).
        onHold = true;
        resultRun = 0;
      }
    }

    /** One probe attempt; returns whether the worker keeps going. Models worker.go doProbe. */
    function doProbe(): boolean {
      const status = host.cachedStatus(uid);
      const p = host.pod(uid);
      if (!status || !p) return true;
      if (status.phase === 'Failed' || status.phase === 'Succeeded') return false;
      let c = findStatus(status.containerStatuses, container.name);
      if (!c?.containerID) c = findStatus(status.initContainerStatuses, container.name);
      if (!c?.containerID) return true;
      if (c.containerID !== containerID) {
        if (containerID) results[type].delete(containerID);
        containerID = c.containerID;
        setResult(type, containerID, initialValue, p);
        onHold = false;
      }
      if (onHold) return true;
      if (!c.state.running) {
        setResult(type, containerID, 'Failure', p);
        return !c.state.terminated || p.spec.restartPolicy !== 'Never';
      }
      if (p.metadata.deletionTimestamp && (type === 'Liveness' || type === 'Startup')) {
        setResult(type, containerID, 'Success', p);
        return false;
      }
      const startedAt = host.startedAt(containerID) ?? clock.now();
      if (Math.trunc((clock.now() - startedAt) / 1000) < (spec.initialDelaySeconds ?? 0)) return true;
      if (c.started ? type === 'Startup' : type !== 'Startup') return true;
      const proc = host.process(containerID);
      if (!proc) return true;
      const out = run(status.podIP ?? '', proc);
      // The result lands when the probe returns; below 100ms (HTTP, TCP, quick commands) it is taken at once.
      if (out.durationMs < 100) finish(out, p);
      else {
        inFlight = true;
        clock.after(out.durationMs, () => { inFlight = false; if (!stopped) finish(out, p); }, { background: true });
      }
      return true;
    }

    function finish(out: Outcome, p: Pod) {
      const result = probe(out, p);
      if (result !== undefined) record(result, p);
    }

    /** Reports the outcome as prober.go probe does (events) and maps it to a result; undefined = thrown away. */
    function probe(out: Outcome, p: Pod): ProbeResult | undefined {
      if (out.err !== undefined) {
        host.recordContainerEvent(p, container, 'Warning', 'Unhealthy', `${type} probe errored and resulted in ${out.result} state: ${out.err}`);
        return undefined; // worker.go: a prober error throws the result away
      }
      switch (out.result) {
        case 'success': return 'Success';
        case 'warning':
          host.recordContainerEvent(p, container, 'Warning', 'ProbeWarning', `${type} probe warning: ${out.output}`);
          return 'Success';
        case 'failure':
          host.recordContainerEvent(p, container, 'Warning', 'Unhealthy', `${type} probe failed: ${out.output}`);
          return 'Failure';
        default: return 'Failure';
      }
    }

    // worker.go run: right after a kubelet restart, wait a random part of a period before the first probe.
    const delay = periodMs > clock.now() - host.kubeletStart ? Math.floor(random.next() * periodMs) : 0;
    timer = clock.after(delay, () => {
      loop();
      if (!stopped) timer = clock.every(periodMs, loop);
    }, { background: true });

    return {
      type,
      stop,
      trigger() {
        if (stopped || queued) return;
        queued = true;
        // UpdatePodStatus fires the trigger when SyncPod has finished (containers started, postStart hooks run, the
        // status generated); the worker goroutine then probes: tens of milliseconds after the container started.
        clock.after(random.between(20, 60), () => { queued = false; loop(); }, { background: true });
      },
    };
  }

  const probed = (pod: Pod) => [...pod.spec.containers, ...(pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];

  return {
    addPod(pod) {
      const uid = pod.metadata.uid!;
      for (const c of probed(pod)) {
        for (const type of ['Startup', 'Readiness', 'Liveness'] as const) {
          const k = key(uid, c.name, type);
          if (probeOf(c, type) && !workers.has(k)) workers.set(k, newWorker(type, pod, c));
        }
      }
    },
    stopLivenessAndStartup(pod) {
      for (const c of probed(pod)) {
        workers.get(key(pod.metadata.uid!, c.name, 'Liveness'))?.stop();
        workers.get(key(pod.metadata.uid!, c.name, 'Startup'))?.stop();
      }
    },
    removePod(uid) {
      for (const [k, w] of [...workers]) if (k.startsWith(`${uid}/`)) w.stop();
    },
    updatePodStatus(pod, status) {
      const uid = pod.metadata.uid!;
      const isStarted = (c: ContainerStatus) => {
        if (!c.state.running) return false;
        const r = results.Startup.get(c.containerID ?? '');
        if (r !== undefined) return r === 'Success';
        return !workers.has(key(uid, c.name, 'Startup'));
      };
      const isReady = (c: ContainerStatus) => {
        if (!c.state.running) return false;
        if (results.Readiness.get(c.containerID ?? '') === 'Success') return true;
        const w = workers.get(key(uid, c.name, 'Readiness'));
        w?.trigger(); // "Trigger an immediate run of the readinessProbe to update ready state"
        return !w;
      };
      for (const c of status.containerStatuses ?? []) {
        c.started = isStarted(c);
        c.ready = c.started ? isReady(c) : false;
      }
      const inits = pod.spec.initContainers ?? [];
      for (const c of status.initContainerStatuses ?? []) {
        c.started = isStarted(c);
        if (inits.find((i) => i.name === c.name)?.restartPolicy !== 'Always') c.ready = c.state.terminated?.exitCode === 0;
        else c.ready = c.started ? isReady(c) : false;
      }
    },
    get: (type, id) => results[type].get(id),
    hasWorker: (uid, name, type) => workers.has(key(uid, name, type)),
  };
}
