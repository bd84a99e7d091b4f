/**
 * One kubelet per node: it watches the pods bound to its node and runs a pod worker for each — create the sandbox,
 * pull images, start init containers in order and then the regular ones, restart crashed containers with the
 * crash-loop back-off, run hooks and probes, post the status, and on deletion or eviction stop the containers.
 *
 * Models kubernetes pkg/kubelet (v1.34):
 * - pod_workers.go: one sync at a time per pod, updates that arrive meanwhile coalesce; after an error the pod is
 *   requeued in backOffPeriod + jitter (10–15s), picked up by the 1s syncTicker; phases sync → terminating →
 *   terminated.
 * - pleg/generic.go: container starts and exits reach the pod worker at the next 1s relist.
 * - kubelet.go SyncPod / SyncTerminatingPod / SyncTerminatedPod: status first, then the runtime's SyncPod.
 * - kuberuntime/kuberuntime_manager.go computePodActions, computeInitContainerActions (sidecars), SyncPod,
 *   doBackOff; kuberuntime_container.go startContainer (events, postStart), killContainer (preStop, grace period,
 *   minimumGracePeriodInSeconds = 2, probe-level terminationGracePeriodSeconds), termination ordering of sidecars.
 * - lifecycle/handlers.go: exec, httpGet and sleep hooks and their failure messages.
 * - images/image_manager.go EnsureImageExists: event wording, serial pulls, image pull back-off.
 * - status/status_manager.go: the cached status probes read, SetContainerReadiness / SetContainerStartup, and the
 *   deletion of a terminated pod with grace 0.
 * - nodestatus/setters.go MemoryPressureCondition, and the eviction manager (eviction.ts).
 */
import type { ApiServer } from '../apiserver';
import { clone } from '../apiserver';
import type { TimerHandle, VirtualClock } from '../clock';
import type { Random } from '../random';
import type { EventRecorder } from '../events';
import type { ContainerProcess, LogLine, StartOptions } from '../runtime/types';
import type { Volume } from '../runtime/fs';
import type { Container, LifecycleHandler, Node, NodeCondition, Pod, PodStatus, Service } from '../types';
import { goDuration, rfc3339 } from '../time';
import { lookupImage, normalizeImage } from '../runtime/images';
import { backOffPeriod, imageBackOffPeriod, jitter, MaxImageBackOff, newBackOff, newCrashLoopBackOff, workerBackOffPeriodJitterFactor } from './backoff';
import { defaultRuntime, type ContainerRuntime } from './runtime';
import { makeEnvironmentVariables } from './env';
import { createProbeManager, resolveContainerPort } from './prober';
import { generateAPIPodStatus, shouldContainerBeRestarted, withContainerProbe, type RuntimeContainer, type StartFailure } from './status';
import { createEvictionManager, evictionMonitoringPeriod, podCleanupPollFreq, podCleanupTimeout } from './eviction';
import { containerLimits, pages } from './resources';
import { containerMounts, podVolumes } from './volumes';
import { lastScrape, metricResolution, scrapeStamp, systemOverhead, type NodeMetrics, type PodMetrics } from './metrics';
import { createTaskRunner, type Task, type TaskRunner } from './task';
import { parseQuantity } from '../quantity';

export interface KubeletOptions {
  api: ApiServer;
  clock: VirtualClock;
  random: Random;
  events: EventRecorder;
  nodeName: string;
  nodeIP: string;
  /** First three octets of the node's pod CIDR, e.g. `10.244.1`. */
  podSubnet: string;
  /** Images already on the node (normalised refs). */
  images?: string[];
  /** The container runtime; `defaultRuntime` unless a test brings its own. */
  runtime?: ContainerRuntime;
  /** How containers reach other pods and Services (the cluster's network), passed to the runtime. */
  network?: StartOptions['network'];
}

/** What a kubelet offers the rest of the cluster: its streaming endpoints and its summary API, in short. */
export interface Kubelet {
  /** Stops watches, workers and timers. */
  stop(): void;
  /** Normalised refs of the images on the node, sorted. */
  images(): string[];
  /** The process of a pod's container (the first one when unnamed), for exec; undefined when it is not running. */
  containerProcess(namespace: string, pod: string, container?: string): ContainerProcess | undefined;
  /** What a container wrote; `previous` reads the instance before the current one. Undefined when there is none. */
  logs(namespace: string, pod: string, container?: string, previous?: boolean): string | undefined;
  /** The same log as lines with the time each was written (the runtime's log file keeps them), for `--timestamps`. */
  logLines(namespace: string, pod: string, container: string, previous: boolean): LogLine[] | undefined;
  /** metrics-server's view of the pods on this node (the last 15s scrape). */
  podMetrics(): PodMetrics[];
  /** metrics-server's view of this node. */
  nodeMetrics(): NodeMetrics;
}

type KillReason = '' | 'Liveness' | 'Startup' | 'FailedPostStartHook' | 'Unknown';

interface PodActions {
  createSandbox: boolean;
  killPod: boolean;
  toKill: Array<{ c: RuntimeContainer; message: string; reason: KillReason }>;
  initToStart: number[];
  toStart: number[];
}

interface PodWorker {
  uid: string;
  pod: Pod;
  /** Every container instance the runtime still has, oldest first (two per container at most, as GC keeps). */
  containers: RuntimeContainer[];
  /** The reason cache: why the last start of a container failed. */
  reasons: Map<string, StartFailure>;
  sandbox: { ready: boolean; ip?: string; attempts: number };
  /** The pod's volumes, shared by its containers. */
  volumes: Map<string, Volume>;
  /** The status manager's cached status. */
  status?: PodStatus;
  phase: 'sync' | 'terminating' | 'terminated';
  kill?: { gracePeriod?: number; statusFn?: (s: PodStatus) => void };
  tasks: TaskRunner;
  working: boolean;
  pending: boolean;
  transition: boolean;
  syncErr: boolean;
  requeue?: TimerHandle;
}

// Sandbox + CNI setup: about a second or two on a kubeadm node, which is why `Pulling` trails `Scheduled`.
const SANDBOX_MS: [number, number] = [1000, 2200];
const PULL_BYTES_PER_MS = 12_000; // ~12 MB/s from the registry
const CREATE_MS: [number, number] = [10, 40];
/** pleg/generic.go genericPlegRelistPeriod and the syncLoop's syncTicker. */
const relistPeriod = 1000;
/** kuberuntime_container.go minimumGracePeriodInSeconds. */
const minimumGracePeriodInSeconds = 2;
const lifecycleUserAgent = 'kube-lifecycle/1.34';

const terminal = (p?: string) => p === 'Failed' || p === 'Succeeded';
/** format.Pod: `name_namespace(uid)`. */
const formatPod = (p: Pod) => `${p.metadata.name}_${p.metadata.namespace}(${p.metadata.uid})`;
const goSlice = (a: string[]) => `[${a.join(' ')}]`;
const isRestartable = (c: Container) => c.restartPolicy === 'Always';

/** Starts a kubelet for one node. */
export function createKubelet(o: KubeletOptions): Kubelet {
  const { api, clock, random, events, nodeName } = o;
  const runtime = o.runtime ?? defaultRuntime;
  const kubeletStart = clock.now();
  const present = new Set(o.images ?? []);
  const workers = new Map<string, PodWorker>();
  const byID = new Map<string, { w: PodWorker; c: RuntimeContainer }>();
  const crashLoopBackOff = newCrashLoopBackOff(clock.now);
  const imageBackOff = newBackOff(imageBackOffPeriod, MaxImageBackOff, clock.now);
  // Phases of this kubelet's 1s loops (PLEG relist, syncTicker) and of metrics-server's scrape of it.
  const plegPhase = random.int(relistPeriod);
  const syncPhase = random.int(relistPeriod);
  const scrapePhase = random.int(metricResolution);
  let nextIP = 2;
  let pullingUntil = 0; // serial image puller: one pull at a time per node

  const now = () => clock.now();
  /** The first tick of a loop with `phase` strictly after `t`. */
  const tickAfter = (t: number, phase: number) => phase + (Math.floor((t - phase) / relistPeriod) + 1) * relistPeriod;
  const latest = (w: PodWorker, name: string) => { let r: RuntimeContainer | undefined; for (const c of w.containers) if (c.name === name) r = c; return r; };
  const fieldPath = (pod: Pod, c: Container) => `spec.${(pod.spec.initContainers ?? []).some((i) => i.name === c.name) ? 'initContainers' : 'containers'}{${c.name}}`;
  const event = (pod: Pod, c: Container | undefined, type: 'Normal' | 'Warning', reason: string, message: string) =>
    events.record(pod, { type, reason, message, component: 'kubelet', host: nodeName, fieldPath: c ? fieldPath(pod, c) : undefined });

  // ---- status manager -----------------------------------------------------------------------------------------

  /** Caches the status and writes it to the API server when it differs. Models status_manager.go SetPodStatus. */
  function setPodStatus(w: PodWorker, status: PodStatus) {
    w.status = status;
    const current = api.find<Pod>('pods', w.pod.metadata.namespace, w.pod.metadata.name!);
    if (!current || current.metadata.uid !== w.uid) return;
    w.pod = current;
    if (JSON.stringify(status) === JSON.stringify(current.status)) return;
    const next = clone(current);
    next.status = clone(status);
    w.pod = api.updateStatus('pods', next);
  }

  function generate(w: PodWorker, podIsTerminal: boolean): PodStatus {
    return generateAPIPodStatus(
      { pod: w.pod, containers: w.containers, reasons: w.reasons, sandbox: w.sandbox, nodeIP: o.nodeIP, oldStatus: w.status ?? w.pod.status, podIsTerminal, now: now() },
      (s) => probes.updatePodStatus(w.pod, s),
    );
  }

  // ---- probes -----------------------------------------------------------------------------------------------------

  const probes = createProbeManager({
    clock, random, kubeletStart,
    pod: (uid) => workers.get(uid)?.pod,
    cachedStatus: (uid) => workers.get(uid)?.status,
    startedAt: (id) => byID.get(id)?.c.startedAt,
    process: (id) => { const e = byID.get(id); return e?.c.state === 'running' ? e.c.process : undefined; },
    recordContainerEvent: (pod, c, type, reason, message) => event(pod, c, type, reason, message),
    onResult(type, uid, id, result) {
      const w = workers.get(uid);
      if (!w?.status) return;
      if (type === 'Liveness') { if (result === 'Failure') podUpdate(w); return; }
      const next = withContainerProbe(w.pod, w.status, id, type === 'Readiness' ? 'ready' : 'started', result === 'Success', now());
      if (next) setPodStatus(w, next);
      podUpdate(w); // handleProbeSync
    },
  });

  // ---- PLEG and the pod workers ---------------------------------------------------------------------------------

  const plegDirty = new Set<PodWorker>();
  let relistTimer: TimerHandle | undefined;
  /** Notes a runtime change; the next relist hands it to the pod worker. */
  function plegMark(w: PodWorker) {
    plegDirty.add(w);
    relistTimer ??= clock.after(tickAfter(now(), plegPhase) - now(), () => {
      relistTimer = undefined;
      const dirty = [...plegDirty];
      plegDirty.clear();
      for (const d of dirty) if (workers.get(d.uid) === d) podUpdate(d);
    });
  }

  /** podWorkers.UpdatePod: run a sync now, or once the running one finishes. */
  function podUpdate(w: PodWorker) {
    if (w.phase === 'terminated') return;
    if (w.working) { w.pending = true; return; }
    work(w);
  }

  function work(w: PodWorker) {
    w.working = true;
    w.pending = false;
    w.requeue?.cancel();
    w.requeue = undefined;
    const task = w.phase === 'sync' ? syncPod(w) : w.phase === 'terminating' ? syncTerminatingPod(w) : syncTerminatedPod(w);
    w.tasks.run(task, () => {
      w.working = false;
      if (workers.get(w.uid) !== w) return;
      if (w.transition) { w.transition = false; work(w); return; }
      if (w.syncErr) {
        // pod_workers.go completeWork: after an error, back off 10s + jitter; the syncTicker picks it up.
        w.syncErr = false;
        const at = tickAfter(now() + jitter(backOffPeriod, workerBackOffPeriodJitterFactor, random) - 1, syncPhase);
        w.requeue = clock.after(at - now(), () => { w.requeue = undefined; podUpdate(w); });
      }
      if (w.pending) work(w);
    });
  }

  // ---- kubelet.SyncPod and the runtime's SyncPod -------------------------------------------------------------

  /** Models kubelet.go SyncPod followed by kuberuntime_manager.go SyncPod. */
  function* syncPod(w: PodWorker): Task {
    const pod = w.pod;
    const status = generate(w, false);
    setPodStatus(w, status);
    if (terminal(status.phase)) { w.phase = 'terminating'; w.transition = true; return; }
    probes.addPod(pod);
    // The runtime status this sync works from: doBackOff looks at the newest exited instance as it was here.
    const exitedAt = new Map<string, number>();
    for (const c of w.containers) if (c.state === 'exited') exitedAt.set(c.name, c.finishedAt!);
    const changes = computePodActions(w, pod);
    if (changes.killPod) {
      yield* killPodContainers(w);
      if (w.sandbox.ready) { w.sandbox.ready = false; plegMark(w); }
      if (!changes.createSandbox) return;
    } else {
      for (const k of changes.toKill) yield* killContainer(w, k.c, k.message, k.reason);
    }
    if (changes.createSandbox) {
      if (w.sandbox.attempts > 0) w.containers = w.containers.filter((c) => !c.init); // purgeInitContainers
      yield { sleep: random.between(...SANDBOX_MS) };
      w.sandbox = { ready: true, ip: w.sandbox.ip ?? (pod.spec.hostNetwork ? o.nodeIP : `${o.podSubnet}.${nextIP++}`), attempts: w.sandbox.attempts + 1 };
      plegMark(w);
    }
    const results = new Map<string, StartFailure | undefined>();
    const inits = pod.spec.initContainers ?? [];
    let initFailed = false;
    for (const i of changes.initToStart) {
      const f = yield* start(w, inits[i], exitedAt);
      results.set(inits[i].name, f);
      if (f && !isRestartable(inits[i])) { initFailed = true; break; }
    }
    if (!initFailed) {
      for (const i of changes.toStart) results.set(pod.spec.containers[i].name, yield* start(w, pod.spec.containers[i], exitedAt));
    }
    for (const [name, f] of results) { if (f) w.reasons.set(name, f); else w.reasons.delete(name); }
    // The back-off errors are not filtered out here (kubelet.go's filter never matches, kubernetes#123602), so a
    // pod in CrashLoopBackOff is synced again after backOffPeriod.
    w.syncErr = [...results.values()].some(Boolean);
  }

  /** What to kill, create and start. Models computePodActions (SidecarContainers on, as in v1.34). */
  function computePodActions(w: PodWorker, pod: Pod): PodActions {
    const changes: PodActions = { createSandbox: false, killPod: false, toKill: [], initToStart: [], toStart: [] };
    if (!w.sandbox.ready) {
      changes.killPod = true;
      changes.createSandbox = true;
      if (pod.spec.restartPolicy === 'Never' && w.sandbox.attempts !== 0 && w.containers.length > 0) { changes.createSandbox = false; return changes; }
      const toStart = pod.spec.containers.flatMap((c, i) => (pod.spec.restartPolicy === 'OnFailure' && latest(w, c.name)?.exitCode === 0 ? [] : [i]));
      if (toStart.length === 0 && pod.spec.containers.some((c) => latest(w, c.name))) { changes.createSandbox = false; return changes; }
      if (pod.spec.initContainers?.length) { changes.initToStart = [0]; return changes; }
      changes.toStart = toStart;
      return changes;
    }
    if (!computeInitContainerActions(w, pod, changes) || changes.killPod) return changes;
    let keepCount = 0;
    pod.spec.containers.forEach((spec, idx) => {
      const cs = latest(w, spec.name);
      if (!cs || cs.state !== 'running') {
        if (shouldContainerBeRestarted(spec, pod, cs)) changes.toStart.push(idx);
        return;
      }
      let restart = pod.spec.restartPolicy !== 'Never';
      let message: string;
      let reason: KillReason = '';
      if ((cs.spec.image ?? '') !== (spec.image ?? '')) { message = `Container ${spec.name} definition changed`; restart = true; }
      else if (probes.get('Liveness', cs.id) === 'Failure') { message = `Container ${spec.name} failed liveness probe`; reason = 'Liveness'; }
      else if (probes.get('Startup', cs.id) === 'Failure') { message = `Container ${spec.name} failed startup probe`; reason = 'Startup'; }
      else { keepCount++; return; }
      if (restart) { message += ', will be restarted'; changes.toStart.push(idx); }
      changes.toKill.push({ c: cs, message, reason });
    });
    if (keepCount === 0 && changes.toStart.length === 0) { changes.killPod = true; changes.initToStart = []; }
    return changes;
  }

  /** Init containers to start or restart; returns whether the pod has initialized. Models computeInitContainerActions. */
  function computeInitContainerActions(w: PodWorker, pod: Pod, changes: PodActions): boolean {
    const inits = pod.spec.initContainers ?? [];
    if (inits.length === 0) return true;
    let podHasInitialized = pod.spec.containers.some((c) => latest(w, c.name)?.state === 'running');
    let isPreviouslyInitialized = podHasInitialized;
    const restartOnFailure = pod.spec.restartPolicy !== 'Never';
    const last = inits.length - 1;
    for (let i = last; i >= 0; i--) {
      const c = inits[i];
      const s = latest(w, c.name);
      if (!s) {
        if (isPreviouslyInitialized && isRestartable(c)) changes.initToStart.push(i);
        continue;
      }
      if (isPreviouslyInitialized && !isRestartable(c)) continue;
      if (s.state === 'running') {
        if (isRestartable(c)) sidecarActions(c, s, i);
      } else if (isRestartable(c)) {
        changes.initToStart.push(i);
      } else if (s.exitCode !== 0) {
        if (!restartOnFailure) { changes.killPod = true; changes.initToStart = []; return false; }
        changes.initToStart.push(i);
      } else if (i === last) podHasInitialized = true;
      else changes.initToStart.push(i + 1);
      isPreviouslyInitialized = true;
    }
    if (!isPreviouslyInitialized) changes.initToStart.push(0);
    changes.initToStart.reverse();
    return podHasInitialized;

    function sidecarActions(c: Container, s: RuntimeContainer, i: number) {
      const restart = (message: string, reason: KillReason) => { changes.toKill.push({ c: s, message, reason }); changes.initToStart.push(i); };
      if (c.startupProbe) {
        const r = probes.get('Startup', s.id);
        if (r === undefined) return;
        if (r !== 'Success') { if (r === 'Failure') restart(`Init container ${c.name} failed startup probe`, 'Startup'); return; }
      }
      if (i === last) podHasInitialized = true;
      else if (!isPreviouslyInitialized) changes.initToStart.push(i + 1);
      if ((s.spec.image ?? '') !== (c.image ?? '')) { restart(`Init container ${c.name} definition changed`, ''); return; }
      if (c.livenessProbe && probes.get('Liveness', s.id) === 'Failure') restart(`Init container ${c.name} failed liveness probe`, 'Liveness');
    }
  }

  /** Starts a container unless it is in back-off. Models SyncPod's start helper and doBackOff. */
  function* start(w: PodWorker, spec: Container, exitedAt: Map<string, number>): Task<StartFailure | undefined> {
    const pod = w.pod;
    const finishedAt = exitedAt.get(spec.name);
    if (finishedAt !== undefined) {
      // kuberuntime/helpers.go getStableKey: pod, namespace, uid, container and a hash of its spec (the image here).
      const key = `${pod.metadata.name}_${pod.metadata.namespace}_${pod.metadata.uid}_${spec.name}_${spec.image ?? ''}`;
      if (crashLoopBackOff.isInBackOffSince(key, finishedAt)) {
        event(pod, spec, 'Warning', 'BackOff', `Back-off restarting failed container ${spec.name} in pod ${formatPod(pod)}`);
        return { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(crashLoopBackOff.get(key))} restarting failed container=${spec.name} pod=${formatPod(pod)}` };
      }
      crashLoopBackOff.next(key, finishedAt);
    }
    return yield* startContainer(w, spec);
  }

  /** Pulls the image if needed. Models images/image_manager.go EnsureImageExists (serialized pulls). */
  function* ensureImageExists(w: PodWorker, spec: Container): Task<StartFailure | undefined> {
    const pod = w.pod;
    const image = spec.image ?? '';
    const info = lookupImage(image);
    const ref = normalizeImage(image).ref;
    const policy = spec.imagePullPolicy;
    if (policy === 'Never' || (policy !== 'Always' && present.has(ref))) {
      if (present.has(ref)) {
        // Without the KubeletEnsureSecretPulledImages gate (alpha, off, in v1.34) the kubelet says just this; from
        // v1.35 the gate is on and it adds "and can be accessed by the pod" (images/image_manager.go).
        event(pod, spec, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
        return undefined;
      }
      const message = `Container image "${image}" is not present with pull policy of Never`;
      event(pod, spec, 'Warning', 'ErrImageNeverPull', message);
      return { reason: 'ErrImageNeverPull', message };
    }
    const backOffKey = `${pod.metadata.uid}_${image}`;
    if (imageBackOff.isInBackOffSinceUpdate(backOffKey, now())) {
      const message = `Back-off pulling image "${image}"`;
      event(pod, spec, 'Normal', 'BackOff', message);
      return { reason: 'ImagePullBackOff', message };
    }
    event(pod, spec, 'Normal', 'Pulling', `Pulling image "${image}"`);
    const pullMs = info ? Math.round((present.has(ref) ? 0 : info.size / PULL_BYTES_PER_MS) + random.between(300, 900)) : random.between(800, 1500);
    const waited = Math.max(0, pullingUntil - now());
    pullingUntil = now() + waited + pullMs;
    yield { sleep: waited + pullMs };
    if (!info) {
      const repoKnown = lookupImage(normalizeImage(image).repository.replace(/^docker\.io\/(library\/)?/, '') + ':latest') !== undefined;
      const err = repoKnown
        ? `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`
        : `rpc error: code = Unknown desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
      event(pod, spec, 'Warning', 'Failed', `Failed to pull image "${image}": ${err}`);
      imageBackOff.next(backOffKey, now());
      return { reason: 'ErrImagePull', message: err };
    }
    present.add(ref);
    event(pod, spec, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(pullMs + waited)} including waiting). Image size: ${info.size} bytes.`);
    return undefined;
  }

  /** Pull, create, start, postStart. Models kuberuntime_container.go startContainer. */
  function* startContainer(w: PodWorker, spec: Container): Task<StartFailure | undefined> {
    const pulled = yield* ensureImageExists(w, spec);
    if (pulled) {
      event(w.pod, spec, 'Warning', 'Failed', `Error: ${pulled.reason}`);
      return pulled;
    }
    yield { sleep: random.between(...CREATE_MS) };
    const pod = w.pod;
    const info = lookupImage(spec.image ?? '')!;
    const prev = latest(w, spec.name);
    const init = (pod.spec.initContainers ?? []).some((c) => c.name === spec.name);
    const rc: RuntimeContainer = {
      id: `containerd://${random.hex(64)}`, name: spec.name, init, spec, state: 'running',
      attempt: prev ? prev.attempt + 1 : 0, startedAt: now(), imageID: `${info.repository}@${info.digest}`,
    };
    event(pod, spec, 'Normal', 'Created', `Created container: ${spec.name}`);
    addInstance(w, rc);
    rc.process = runtime({
      clock, random, image: info, container: spec, podName: pod.metadata.name!, namespace: pod.metadata.namespace,
      env: makeEnvironmentVariables(pod, spec, api.list<Service>('services'), w.sandbox.ip ?? '', o.nodeIP),
      limits: containerLimits(spec), podIP: w.sandbox.ip, node: nodeCapacity(), mounts: containerMounts(spec, w.volumes), network: o.network,
      onExit: (code, reason, message) => exited(w, rc, code, reason, message),
    });
    plegMark(w);
    yield { sleep: 0 }; // StartContainer's answer: the runtime reports a start failure at this instant
    if (rc.state === 'exited' && rc.reason === 'StartError') {
      event(pod, spec, 'Warning', 'Failed', `Error: ${rc.message ?? ''}`);
      return { reason: 'RunContainerError', message: rc.message ?? '' };
    }
    event(pod, spec, 'Normal', 'Started', `Started container ${spec.name}`);
    const hook = spec.lifecycle?.postStart;
    if (hook) {
      const r = runHandler(w, rc, hook);
      yield { sleep: r.durationMs };
      if (r.err) {
        // "do not record the message in the event so that secrets won't leak from the server"
        event(pod, spec, 'Warning', 'FailedPostStartHook', 'PostStartHook failed');
        yield* killContainer(w, rc, 'FailedPostStartHook', 'FailedPostStartHook');
        return { reason: 'PostStartHookError', message: r.msg };
      }
    }
    return undefined;
  }

  /** Records a new instance; the runtime keeps two per container (the current one and the last dead one). */
  function addInstance(w: PodWorker, rc: RuntimeContainer) {
    w.containers.push(rc);
    byID.set(rc.id, { w, c: rc });
    const same = w.containers.filter((c) => c.name === rc.name);
    for (const old of same.slice(0, -2)) {
      old.process?.dispose();
      byID.delete(old.id);
      w.containers.splice(w.containers.indexOf(old), 1);
    }
  }

  /** PID 1 exited (the runtime's onExit). */
  function exited(w: PodWorker, rc: RuntimeContainer, exitCode: number, reason: string, message?: string) {
    if (rc.state === 'exited') return;
    Object.assign(rc, { state: 'exited', finishedAt: now(), exitCode, reason, message });
    w.tasks.poke();
    if (workers.get(w.uid) === w) plegMark(w);
  }

  /**
   * Runs a lifecycle handler in the container: its outcome now, its duration for the caller to wait.
   * Models lifecycle/handlers.go Run (an HTTP hook fails only when no response comes back).
   */
  function runHandler(w: PodWorker, rc: RuntimeContainer, h: LifecycleHandler): { durationMs: number; err?: string; msg: string } {
    const pod = w.pod;
    const name = rc.spec.name;
    const proc = rc.process;
    if (h.exec) {
      const command = h.exec.command ?? [];
      const r = proc && rc.state === 'running' ? proc.exec(command) : { stdout: '', stderr: '', exitCode: 137, durationMs: 0 };
      if (r.exitCode === 0) return { durationMs: r.durationMs, msg: '' };
      const err = `command '${command.join(' ')}' exited with ${r.exitCode}: ${r.stderr}`;
      return { durationMs: r.durationMs, err, msg: `Exec lifecycle hook (${goSlice(command)}) for Container ${JSON.stringify(name)} in Pod ${JSON.stringify(formatPod(pod))} failed - error: ${err}, message: ${JSON.stringify(r.stdout + r.stderr)}` };
    }
    if (h.httpGet) {
      const path = h.httpGet.path ?? '';
      const fail = (err: string, durationMs = 0) => ({ durationMs, err, msg: `HTTP lifecycle hook (${path}) for Container ${JSON.stringify(name)} in Pod ${JSON.stringify(formatPod(pod))} failed - error: ${err}` });
      const port = resolveContainerPort(h.httpGet.port, rc.spec);
      if (typeof port !== 'number') return fail(port.err);
      const host = h.httpGet.host || (w.sandbox.ip ?? '');
      const url = `${(h.httpGet.scheme ?? 'HTTP').toLowerCase()}://${host}:${port}${path}`;
      const headers: Record<string, string> = { 'User-Agent': lifecycleUserAgent, Accept: '*/*' };
      for (const hd of h.httpGet.httpHeaders ?? []) headers[hd.name] = hd.value;
      const res = proc && rc.state === 'running' && host === w.sandbox.ip ? proc.httpGet(port, path || '/', headers) : { error: 'connection refused' as const, durationMs: 0 };
      if ('error' in res) return fail(`Get ${JSON.stringify(url)}: dial tcp ${host}:${port}: connect: connection refused`, res.durationMs);
      return { durationMs: res.durationMs, msg: '' };
    }
    if (h.sleep) return { durationMs: h.sleep.seconds * 1000, msg: '' };
    const err = 'invalid handler';
    return { durationMs: 0, err, msg: `Cannot run handler: ${err}` };
  }

  /** The grace period a kill starts from. Models kuberuntime_container.go setTerminationGracePeriod. */
  function terminationGracePeriod(pod: Pod, spec: Container, reason: KillReason): number {
    if (pod.metadata.deletionGracePeriodSeconds !== undefined) return pod.metadata.deletionGracePeriodSeconds;
    if (pod.spec.terminationGracePeriodSeconds === undefined) return minimumGracePeriodInSeconds;
    if (reason === 'Startup' && spec.startupProbe?.terminationGracePeriodSeconds !== undefined) return spec.startupProbe.terminationGracePeriodSeconds;
    if (reason === 'Liveness' && spec.livenessProbe?.terminationGracePeriodSeconds !== undefined) return spec.livenessProbe.terminationGracePeriodSeconds;
    return pod.spec.terminationGracePeriodSeconds;
  }

  /**
   * Killing event, preStop (its time counts against the grace period), then the runtime's StopContainer: TERM,
   * and KILL when the remaining grace (at least 2s) runs out. Models killContainer and executePreStopHook.
   */
  function* killContainer(w: PodWorker, rc: RuntimeContainer, message: string, reason: KillReason, gracePeriodOverride?: number, waitFor?: RuntimeContainer[]): Task {
    const pod = w.pod;
    const spec = rc.spec;
    let grace = terminationGracePeriod(pod, spec, reason);
    event(pod, spec, 'Normal', 'Killing', message || `Stopping container ${spec.name}`);
    if (gracePeriodOverride !== undefined) grace = gracePeriodOverride;
    const preStop = spec.lifecycle?.preStop;
    if (preStop && grace > 0) {
      const r = runHandler(w, rc, preStop);
      const waited = Math.min(r.durationMs, grace * 1000);
      yield { sleep: waited };
      if (r.err && r.durationMs <= grace * 1000) event(pod, spec, 'Warning', 'FailedPreStopHook', 'PreStopHook failed');
      grace -= Math.trunc(waited / 1000);
    }
    if (waitFor?.length && grace > 0) {
      // terminationOrdering.waitForTurn: a sidecar stops after the containers that depend on it.
      const t0 = now();
      yield { until: () => waitFor.every((c) => c.state === 'exited'), timeoutMs: grace * 1000 };
      grace -= Math.trunc((now() - t0) / 1000);
    }
    if (grace < minimumGracePeriodInSeconds) grace = minimumGracePeriodInSeconds;
    if (rc.state !== 'running') return;
    rc.process?.signal('TERM');
    yield { until: () => rc.state === 'exited', timeoutMs: grace * 1000 };
    if (rc.state === 'running') {
      rc.process?.signal('KILL');
      if (rc.state === 'running') exited(w, rc, 137, 'Error');
    }
  }

  /** Kills every running container at once (sidecars last). Models killContainersWithSyncResult. */
  function* killPodContainers(w: PodWorker, gracePeriodOverride?: number): Task {
    const running = w.containers.filter((c) => c.state === 'running');
    const sidecars = (w.pod.spec.initContainers ?? []).filter(isRestartable).map((c) => c.name);
    const waitFor = (c: RuntimeContainer) => {
      const i = sidecars.indexOf(c.name);
      if (!c.init || i === -1) return undefined;
      return running.filter((r) => !r.init || sidecars.indexOf(r.name) > i);
    };
    yield { all: running.map((c) => killContainer(w, c, '', 'Unknown', gracePeriodOverride, waitFor(c))) };
  }

  /** Models kubelet.go SyncTerminatingPod. */
  function* syncTerminatingPod(w: PodWorker): Task {
    const pod = w.pod;
    const gracePeriod = w.kill?.gracePeriod ?? pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    const status = generate(w, false);
    w.kill?.statusFn?.(status);
    setPodStatus(w, status);
    probes.stopLivenessAndStartup(pod);
    yield* killPodContainers(w, Math.max(1, gracePeriod));
    w.sandbox.ready = false;
    probes.removePod(w.uid);
    setPodStatus(w, generate(w, true));
    w.phase = 'terminated';
    w.transition = true;
  }

  /** Models kubelet.go SyncTerminatedPod and the status manager deleting a terminated pod. */
  function* syncTerminatedPod(w: PodWorker): Task {
    setPodStatus(w, generate(w, true));
    if (!w.pod.metadata.deletionTimestamp) return;
    yield { sleep: random.between(200, 600) };
    setPodStatus(w, generate(w, true));
    try { api.delete('pods', w.pod.metadata.namespace, w.pod.metadata.name!, { gracePeriodSeconds: 0 }); } catch { /* already gone */ }
  }

  /** Begins termination (deletion, eviction). Models podWorkers.UpdatePod with SyncPodKill. */
  function terminate(w: PodWorker, kill: PodWorker['kill'] = {}) {
    if (w.phase !== 'sync') return;
    w.phase = 'terminating';
    w.kill = kill;
    w.requeue?.cancel();
    w.requeue = undefined;
    podUpdate(w);
  }

  // ---- admission, watch, teardown ---------------------------------------------------------------------------

  function admit(pod: Pod) {
    const verdict = eviction.admit(pod, pod.status?.qosClass);
    if (!verdict.admit) {
      // kubelet.go rejectPod
      event(pod, undefined, 'Warning', verdict.reason, verdict.message);
      const next = clone(pod);
      next.status = { phase: 'Failed', message: `Pod was rejected: ${verdict.message}`, qosClass: pod.status?.qosClass, reason: verdict.reason };
      api.updateStatus('pods', next);
      return;
    }
    const w: PodWorker = {
      uid: pod.metadata.uid!, pod, containers: [], reasons: new Map(), sandbox: { ready: false, attempts: 0 }, volumes: podVolumes(pod, now()),
      phase: 'sync', tasks: createTaskRunner(clock), working: false, pending: false, transition: false, syncErr: false,
    };
    workers.set(w.uid, w);
    podUpdate(w);
  }

  function teardown(w: PodWorker) {
    w.tasks.stop();
    w.requeue?.cancel();
    probes.removePod(w.uid);
    for (const c of w.containers) { c.process?.dispose(); byID.delete(c.id); }
    workers.delete(w.uid);
    plegDirty.delete(w);
  }

  const unwatch = api.watch('pods', ({ type, object }) => {
    const pod = object as Pod;
    if (pod.spec.nodeName !== nodeName) return;
    const uid = pod.metadata.uid!;
    if (type === 'DELETED') {
      const w = workers.get(uid);
      if (w) teardown(w);
      return;
    }
    // React at this instant, after the write that woke us (watch delivery is asynchronous in a real cluster).
    clock.after(0, () => {
      const latestPod = api.find<Pod>('pods', pod.metadata.namespace, pod.metadata.name!);
      if (!latestPod || latestPod.metadata.uid !== uid) return;
      const w = workers.get(uid);
      if (!w) {
        if (!terminal(latestPod.status?.phase)) admit(latestPod);
        return;
      }
      const specChanged = latestPod.metadata.generation !== w.pod.metadata.generation;
      w.pod = latestPod;
      if (latestPod.metadata.deletionTimestamp) terminate(w);
      else if (specChanged) podUpdate(w);
    });
  });

  // ---- eviction manager and node status -----------------------------------------------------------------------

  let capacity: { cpuMilli: number; memoryBytes: number } | undefined; // a node's capacity does not change
  function nodeCapacity() {
    if (capacity) return capacity;
    const c = api.find<Node>('nodes', undefined, nodeName)?.status.capacity;
    const q = (s: string | undefined) => parseQuantity(s ?? '0');
    return (capacity = { cpuMilli: q(c?.cpu)?.milliValue() ?? 0, memoryBytes: q(c?.memory)?.value() ?? 0 });
  }
  const memoryCapacity = () => nodeCapacity().memoryBytes;
  const usageOf = (c: RuntimeContainer) => (c.state === 'running' && c.process ? c.process.usage() : undefined);
  const podStats = (w: PodWorker) => ({
    containers: w.containers.flatMap((c) => { const u = usageOf(c); return u ? [{ name: c.name, workingSet: pages(u.memoryBytes) }] : []; }),
  });
  const podsWorkingSet = () => { let sum = 0; for (const { c } of byID.values()) { const u = usageOf(c); if (u) sum += pages(u.memoryBytes); } return sum; };

  const eviction = createEvictionManager({
    now,
    nodeMemory: () => ({ capacity: memoryCapacity(), workingSet: systemOverhead.memoryBytes + podsWorkingSet() }),
    activePods: () => [...workers.values()].filter((w) => w.phase === 'sync' && !terminal(w.status?.phase)).map((w) => w.pod),
    stats: (pod) => { const w = workers.get(pod.metadata.uid!); return w ? podStats(w) : undefined; },
    nodeEvent: (type, reason, message) => { const node = api.find<Node>('nodes', undefined, nodeName); if (node) events.record(node, { type, reason, message, component: 'kubelet', host: nodeName }); },
    podEvent: (pod, type, reason, message) => event(pod, undefined, type, reason, message),
    evictPod(pod, gracePeriod, message) {
      const w = workers.get(pod.metadata.uid!);
      if (!w) return;
      terminate(w, {
        gracePeriod,
        statusFn: (s) => {
          s.phase = 'Failed';
          s.reason = 'Evicted';
          s.message = message;
          const disruption = { lastProbeTime: null, lastTransitionTime: rfc3339(now()), message, observedGeneration: pod.metadata.generation, reason: 'TerminationByKubelet', status: 'True' as const, type: 'DisruptionTarget' };
          s.conditions = [disruption, ...(s.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget')];
        },
      });
    },
  });
  // eviction_manager.go Start: synchronize, then sleep 10s; after an eviction, poll every 1s (for at most 30s) until
  // the pod's resources are reclaimed and synchronize again at once.
  const monitor = () => {
    const evicted = eviction.synchronize();
    if (!evicted) return;
    evictionTimer.cancel();
    let polls = 0;
    const poll = () => {
      const w = workers.get(evicted.metadata.uid!);
      if (!w || w.phase === 'terminated' || ++polls >= podCleanupTimeout / podCleanupPollFreq) evictionTimer = clock.every(evictionMonitoringPeriod, monitor, 0);
      else evictionTimer = clock.after(podCleanupPollFreq, poll, { background: true });
    };
    evictionTimer = clock.after(podCleanupPollFreq, poll, { background: true });
  };
  let evictionTimer: TimerHandle = clock.every(evictionMonitoringPeriod, monitor, random.int(evictionMonitoringPeriod));

  /**
   * Posts MemoryPressure when the eviction manager's view changed (setters.go MemoryPressureCondition, with the
   * NodeHas…Memory events). The memory-pressure NoSchedule taint follows from the condition in the node lifecycle
   * controller (doNoScheduleTaintingPass), as in a real cluster.
   */
  let postedPressure = false;
  function nodeStatus() {
    const pressure = eviction.isUnderMemoryPressure();
    if (pressure === postedPressure) return;
    const node = api.find<Node>('nodes', undefined, nodeName);
    const cond = node?.status.conditions.find((c) => c.type === 'MemoryPressure');
    if (!node || !cond) return;
    postedPressure = pressure;
    if ((cond.status === 'True') === pressure) return;
    const ts = rfc3339(now());
    const next = clone(node);
    const c: NodeCondition = pressure
      ? { type: 'MemoryPressure', status: 'True', lastHeartbeatTime: ts, lastTransitionTime: ts, reason: 'KubeletHasInsufficientMemory', message: 'kubelet has insufficient memory available' }
      : { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: ts, lastTransitionTime: ts, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' };
    next.status.conditions = next.status.conditions.map((x) => (x.type === 'MemoryPressure' ? c : x));
    const updated = api.updateStatus<Node>('nodes', next);
    const reason = pressure ? 'NodeHasInsufficientMemory' : 'NodeHasSufficientMemory';
    events.record(updated, { type: 'Normal', reason, message: `Node ${nodeName} status is now: ${reason}`, component: 'kubelet', host: nodeName });
  }
  const nodeStatusTimer = clock.every(10_000, nodeStatus, random.int(10_000)); // nodeStatusUpdateFrequency

  // ---- handle ---------------------------------------------------------------------------------------------------

  const workerOf = (namespace: string, name: string) => [...workers.values()].find((w) => w.pod.metadata.namespace === namespace && w.pod.metadata.name === name);
  const instances = (w: PodWorker, container?: string) => {
    const name = container ?? w.pod.spec.containers[0]?.name;
    return w.containers.filter((c) => c.name === name);
  };

  return {
    stop() {
      unwatch();
      relistTimer?.cancel();
      evictionTimer.cancel();
      nodeStatusTimer.cancel();
      for (const w of [...workers.values()]) teardown(w);
    },
    images: () => [...present].sort(),
    containerProcess(namespace, pod, container) {
      const w = workerOf(namespace, pod);
      const c = w && instances(w, container).at(-1);
      return c?.state === 'running' ? c.process : undefined;
    },
    logs(namespace, pod, container, previous) {
      const w = workerOf(namespace, pod);
      const list = w ? instances(w, container) : [];
      return list.at(previous ? -2 : -1)?.process?.logs();
    },
    logLines(namespace, pod, container, previous) {
      const w = workerOf(namespace, pod);
      const list = w ? instances(w, container) : [];
      return list.at(previous ? -2 : -1)?.process?.logLines?.();
    },
    podMetrics() {
      const at = lastScrape(now(), scrapePhase);
      const out: PodMetrics[] = [];
      for (const w of workers.values()) {
        const containers = w.containers
          .filter((c) => c.state === 'running' && c.startedAt <= at - metricResolution)
          .map((c) => { const u = c.process!.usage(); return { name: c.name, cpuMilli: u.cpuMilli, memoryBytes: pages(u.memoryBytes) }; });
        if (containers.length) out.push({ namespace: w.pod.metadata.namespace!, name: w.pod.metadata.name!, ...scrapeStamp(at), containers });
      }
      return out.sort((a, b) => (a.namespace + '/' + a.name < b.namespace + '/' + b.name ? -1 : 1));
    },
    nodeMetrics() {
      let cpu = systemOverhead.cpuMilli, mem = systemOverhead.memoryBytes;
      for (const w of workers.values()) for (const c of w.containers) { const u = usageOf(c); if (u) { cpu += u.cpuMilli; mem += pages(u.memoryBytes); } }
      return { name: nodeName, ...scrapeStamp(lastScrape(now(), scrapePhase)), cpuMilli: cpu, memoryBytes: mem };
    },
  };
}
