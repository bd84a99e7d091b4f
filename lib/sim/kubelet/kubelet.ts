/**
 * One kubelet per node: it watches the pods bound to its node and walks each through the creation flow the course
 * teaches — sandbox and IP, image pull, create, start, status back to the API server — and through termination.
 * Models kubernetes pkg/kubelet (v1.34): kuberuntime_manager.go SyncPod ordering (sandbox, init containers in order,
 * then regular containers), images/image_manager.go EnsureImageExists (event wording, serial pulls),
 * kuberuntime_container.go startContainer / killContainer (event wording), status/generate.go (conditions),
 * kubelet_pods.go getPhase.
 */
import type { ApiServer } from '../apiserver';
import { clone } from '../apiserver';
import type { VirtualClock, TimerHandle } from '../clock';
import type { Random } from '../random';
import type { EventRecorder } from '../events';
import type { Container, ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from '../types';
import { rfc3339, goDuration } from '../time';
import { lookupImage, normalizeImage } from '../runtime/images';
import { startProcess, type Process } from '../runtime/process';
import { getPhase } from './phase';

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
}

interface ContainerRuntime {
  spec: Container;
  init: boolean;
  state: ContainerState;
  lastState: ContainerState;
  restartCount: number;
  ready: boolean;
  started: boolean;
  containerID?: string;
  imageID: string;
  process?: Process;
  timer?: TimerHandle;
}

interface PodWorker {
  key: string;
  uid: string;
  pod: Pod;
  ip?: string;
  sandboxReady: boolean;
  containers: ContainerRuntime[];
  terminating: boolean;
  startTime: string;
  /** lastTransitionTime per condition type, kept while the status does not change. */
  transitions: Map<string, { status: string; at: string }>;
  timers: Set<TimerHandle>;
}

// Sandbox + CNI setup: about a second or two on a kubeadm node, which is why `Pulling` trails `Scheduled`.
const SANDBOX_MS: [number, number] = [1000, 2200];
const PULL_BYTES_PER_MS = 12_000; // ~12 MB/s from the registry
const SYNC_MS: [number, number] = [10, 40];

/** Starts a kubelet for one node. Returns a handle that stops its watches and timers. */
export function createKubelet(o: KubeletOptions): { stop(): void; images(): string[] } {
  const { api, clock, random, events, nodeName } = o;
  const present = new Set(o.images ?? []);
  const workers = new Map<string, PodWorker>();
  let nextIP = 2;
  let pulling: { until: number } | null = null; // serial image puller: one pull at a time per node

  const keyOf = (p: Pod) => `${p.metadata.namespace}/${p.metadata.name}`;
  const later = (w: PodWorker, ms: number, fn: () => void) => {
    const t = clock.after(ms, () => { w.timers.delete(t); if (workers.get(w.uid) === w) fn(); });
    w.timers.add(t);
    return t;
  };
  const fieldPath = (c: ContainerRuntime) => `spec.${c.init ? 'initContainers' : 'containers'}{${c.spec.name}}`;
  const event = (w: PodWorker, c: ContainerRuntime | undefined, type: 'Normal' | 'Warning', reason: string, message: string) =>
    events.record(w.pod, { type, reason, message, component: 'kubelet', host: nodeName, fieldPath: c ? fieldPath(c) : undefined });

  function admit(pod: Pod) {
    const w: PodWorker = {
      key: keyOf(pod), uid: pod.metadata.uid!, pod, sandboxReady: false, terminating: false,
      startTime: rfc3339(clock.now()), transitions: new Map(), timers: new Set(),
      containers: [
        ...(pod.spec.initContainers ?? []).map((spec) => newRuntime(spec, true, 'PodInitializing')),
        ...pod.spec.containers.map((spec) => newRuntime(spec, false, pod.spec.initContainers?.length ? 'PodInitializing' : 'ContainerCreating')),
      ],
    };
    // Init containers wait as PodInitializing too, except the first, which is being created.
    const firstInit = w.containers.find((c) => c.init);
    if (firstInit) firstInit.state = { waiting: { reason: 'PodInitializing' } };
    workers.set(w.uid, w);
    writeStatus(w);
    later(w, random.between(...SANDBOX_MS), () => {
      w.sandboxReady = true;
      w.ip = pod.spec.hostNetwork ? o.nodeIP : `${o.podSubnet}.${nextIP++}`;
      writeStatus(w);
      syncContainers(w);
    });
  }

  function newRuntime(spec: Container, init: boolean, reason: string): ContainerRuntime {
    return { spec, init, state: { waiting: { reason } }, lastState: {}, restartCount: 0, ready: false, started: false, imageID: '' };
  }

  /** Starts whatever should run next: the next init container, or all regular containers. */
  function syncContainers(w: PodWorker) {
    if (w.terminating) return;
    const inits = w.containers.filter((c) => c.init);
    const pendingInit = inits.find((c) => !(c.state.terminated && c.state.terminated.exitCode === 0));
    if (pendingInit) {
      if (!pendingInit.state.running && !pendingInit.timer) startContainer(w, pendingInit);
      return;
    }
    for (const c of w.containers) {
      if (!c.init && !c.state.running && !c.state.terminated && !c.timer) startContainer(w, c);
    }
  }

  function startContainer(w: PodWorker, c: ContainerRuntime) {
    const image = c.spec.image ?? '';
    const info = lookupImage(image);
    const ref = normalizeImage(image).ref;
    const policy = c.spec.imagePullPolicy;
    const needPull = policy === 'Always' || (policy !== 'Never' && !present.has(ref));
    const begin = () => {
      if (!needPull) {
        // Without the KubeletEnsureSecretPulledImages gate (alpha, off, in v1.34) the kubelet says just this; from
        // v1.35 the gate is on and it adds "and can be accessed by the pod" (images/image_manager.go).
        event(w, c, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
        c.timer = later(w, random.between(...SYNC_MS), () => { c.timer = undefined; create(w, c); });
        return;
      }
      event(w, c, 'Normal', 'Pulling', `Pulling image "${image}"`);
      const pullMs = info ? Math.round((present.has(ref) ? 0 : info.size / PULL_BYTES_PER_MS) + random.between(300, 900)) : random.between(800, 1500);
      const waited = Math.max(0, (pulling?.until ?? clock.now()) - clock.now());
      pulling = { until: clock.now() + waited + pullMs };
      c.timer = later(w, waited + pullMs, () => {
        c.timer = undefined;
        if (!info) return pullFailed(w, c, image, ref);
        present.add(ref);
        event(w, c, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(pullMs + waited)} including waiting). Image size: ${info.size} bytes.`);
        create(w, c);
      });
    };
    begin();
  }

  function pullFailed(w: PodWorker, c: ContainerRuntime, image: string, ref: string) {
    const repoKnown = lookupImage(normalizeImage(image).repository.replace(/^docker\.io\/(library\/)?/, '') + ':latest') !== undefined;
    const err = repoKnown
      ? `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`
      : `rpc error: code = Unknown desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
    event(w, c, 'Warning', 'Failed', `Failed to pull image "${image}": ${err}`);
    event(w, c, 'Warning', 'Failed', 'Error: ErrImagePull');
    c.state = { waiting: { reason: 'ErrImagePull', message: err } };
    writeStatus(w);
  }

  function create(w: PodWorker, c: ContainerRuntime) {
    if (w.terminating) return;
    const info = lookupImage(c.spec.image ?? '')!;
    c.containerID = `containerd://${random.hex(64)}`;
    c.imageID = `${info.repository}@${info.digest}`;
    event(w, c, 'Normal', 'Created', `Created container: ${c.spec.name}`);
    event(w, c, 'Normal', 'Started', `Started container ${c.spec.name}`);
    c.state = { running: { startedAt: rfc3339(clock.now()) } };
    c.started = true;
    c.ready = !c.init && !c.spec.readinessProbe;
    c.process = startProcess({ clock, random, image: info, container: c.spec, onExit: (code, reason) => exited(w, c, code, reason) });
    writeStatus(w);
  }

  function exited(w: PodWorker, c: ContainerRuntime, exitCode: number, reason?: string) {
    const startedAt = c.state.running?.startedAt;
    c.process = undefined;
    c.ready = false;
    c.started = false;
    c.state = { terminated: { exitCode, reason: reason ?? (exitCode === 0 ? 'Completed' : 'Error'), startedAt, finishedAt: rfc3339(clock.now()), containerID: c.containerID } };
    if (w.terminating) {
      writeStatus(w);
      maybeFinishTermination(w);
      return;
    }
    const policy = w.pod.spec.restartPolicy;
    const restart = policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0) || (c.init && exitCode !== 0 && policy !== 'Never');
    writeStatus(w);
    if (c.init && exitCode === 0) return syncContainers(w);
    if (!restart) return;
    // The first restart is immediate; kubelet backs off 10s doubling to 300s after that (issue #3 refines this).
    const backoff = c.restartCount === 0 ? 0 : Math.min(300_000, 10_000 * 2 ** (c.restartCount - 1));
    c.lastState = { terminated: c.state.terminated! };
    c.restartCount++;
    c.state = backoff === 0 ? { waiting: { reason: 'ContainerCreating' } } : {
      waiting: { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(backoff)} restarting failed container=${c.spec.name} pod=${w.pod.metadata.name}_${w.pod.metadata.namespace}(${w.uid})` },
    };
    if (backoff > 0) event(w, c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.spec.name} in pod ${w.pod.metadata.name}_${w.pod.metadata.namespace}(${w.uid})`);
    writeStatus(w);
    c.timer = later(w, backoff, () => { c.timer = undefined; startContainer(w, c); });
  }

  /** Graceful termination: TERM now, KILL when the grace period ends. Models killContainersWithSyncResult. */
  function terminate(w: PodWorker) {
    w.terminating = true;
    const grace = (w.pod.metadata.deletionGracePeriodSeconds ?? w.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    for (const c of w.containers) {
      c.timer?.cancel();
      c.timer = undefined;
      if (!c.process) continue;
      event(w, c, 'Normal', 'Killing', `Stopping container ${c.spec.name}`);
      c.process.signal('TERM');
      const proc = c.process;
      later(w, grace, () => { if (c.process === proc) proc.signal('KILL'); });
    }
    maybeFinishTermination(w);
  }

  function maybeFinishTermination(w: PodWorker) {
    if (!w.terminating || w.containers.some((c) => c.process)) return;
    for (const c of w.containers) {
      if (c.state.waiting) c.state = { terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated' } };
    }
    // The status manager posts the final status, then deletes the pod with grace 0 once it is terminal.
    later(w, random.between(200, 600), () => {
      writeStatus(w);
      try { api.delete('pods', w.pod.metadata.namespace, w.pod.metadata.name!, { gracePeriodSeconds: 0 }); } catch { /* already gone */ }
    });
  }

  function condition(w: PodWorker, type: string, status: 'True' | 'False', reason?: string, message?: string): PodCondition {
    const prev = w.transitions.get(type);
    const at = prev && prev.status === status ? prev.at : rfc3339(clock.now());
    w.transitions.set(type, { status, at });
    return { lastProbeTime: null, lastTransitionTime: at, status, type, ...(reason ? { reason } : {}), ...(message ? { message } : {}), observedGeneration: w.pod.metadata.generation };
  }

  function containerStatus(w: PodWorker, c: ContainerRuntime): ContainerStatus {
    const mounts = (c.spec.volumeMounts ?? []).map((m) => ({ ...m, ...(m.readOnly ? { recursiveReadOnly: 'Disabled' } : {}) }));
    return {
      ...(c.containerID ? { containerID: c.containerID } : {}),
      image: c.imageID ? normalizeImage(c.spec.image ?? '').ref : (c.spec.image ?? ''),
      imageID: c.imageID,
      lastState: c.lastState,
      name: c.spec.name,
      ready: c.ready,
      restartCount: c.restartCount,
      started: c.started,
      state: c.state,
      ...(mounts.length ? { volumeMounts: mounts } : {}),
    };
  }

  /** Builds the API status from runtime state and writes it if it changed. Models generateAPIPodStatus. */
  function writeStatus(w: PodWorker) {
    const current = api.find<Pod>('pods', w.pod.metadata.namespace, w.pod.metadata.name!);
    if (!current || current.metadata.uid !== w.uid) return;
    w.pod = current;
    const initStatuses = w.containers.filter((c) => c.init).map((c) => containerStatus(w, c));
    const statuses = w.containers.filter((c) => !c.init).map((c) => containerStatus(w, c));
    const inits = w.containers.filter((c) => c.init);
    const initialized = inits.every((c) => c.state.terminated?.exitCode === 0 || (c.lastState.terminated?.exitCode === 0 && !c.state.running));
    const podIsTerminal = w.terminating && !w.containers.some((c) => c.process);
    const phase = getPhase(current, initStatuses, statuses, podIsTerminal, initialized);
    const regular = w.containers.filter((c) => !c.init);
    const unready = regular.filter((c) => !c.ready).map((c) => c.spec.name);
    const incomplete = inits.filter((c) => !(c.state.terminated?.exitCode === 0)).map((c) => c.spec.name);
    const done = phase === 'Succeeded' || phase === 'Failed';
    const readyReason = done ? 'PodCompleted' : 'ContainersNotReady';
    const readyMsg = done ? undefined : `containers with unready status: [${unready.join(' ')}]`;
    const scheduled = current.status?.conditions?.find((x) => x.type === 'PodScheduled');
    const conditions: PodCondition[] = [
      condition(w, 'PodReadyToStartContainers', w.sandboxReady && !podIsTerminal ? 'True' : 'False'),
      initialized || inits.length === 0 ? condition(w, 'Initialized', 'True', done && inits.length ? 'PodCompleted' : undefined)
        : condition(w, 'Initialized', 'False', 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`),
      unready.length === 0 ? condition(w, 'Ready', 'True') : condition(w, 'Ready', 'False', readyReason, readyMsg),
      unready.length === 0 ? condition(w, 'ContainersReady', 'True') : condition(w, 'ContainersReady', 'False', readyReason, readyMsg),
      ...(scheduled ? [scheduled] : []),
    ];
    const status: PodStatus = {
      conditions,
      ...(statuses.length ? { containerStatuses: statuses } : {}),
      hostIP: o.nodeIP,
      hostIPs: [{ ip: o.nodeIP }],
      ...(initStatuses.length ? { initContainerStatuses: initStatuses } : {}),
      observedGeneration: current.metadata.generation,
      phase,
      ...(w.ip ? { podIP: w.ip, podIPs: [{ ip: w.ip }] } : {}),
      qosClass: current.status?.qosClass,
      startTime: w.startTime,
    };
    if (JSON.stringify(status) === JSON.stringify(current.status)) return;
    const next = clone(current);
    next.status = status;
    api.updateStatus('pods', next);
  }

  const unwatch = api.watch('pods', ({ type, object }) => {
    const pod = object as Pod;
    if (pod.spec.nodeName !== nodeName) return;
    const uid = pod.metadata.uid!;
    if (type === 'DELETED') {
      const w = workers.get(uid);
      if (w) {
        for (const t of w.timers) t.cancel();
        for (const c of w.containers) c.process?.dispose();
        workers.delete(uid);
      }
      return;
    }
    // React at this instant, after the write that woke us (watch delivery is asynchronous in a real cluster).
    clock.after(0, () => {
      const w = workers.get(uid);
      if (!w) {
        const latest = api.find<Pod>('pods', pod.metadata.namespace, pod.metadata.name!);
        if (latest && latest.metadata.uid === uid && !workers.has(uid)) admit(latest);
        return;
      }
      const latest = api.find<Pod>('pods', pod.metadata.namespace, pod.metadata.name!);
      if (latest && latest.metadata.uid === uid) w.pod = latest;
      if (latest?.metadata.deletionTimestamp && !w.terminating) terminate(w);
    });
  });

  return {
    stop() { unwatch(); for (const w of workers.values()) for (const t of w.timers) t.cancel(); },
    images: () => [...present].sort(),
  };
}
