/**
 * The Pod status the kubelet reports, built from what the runtime knows, the reason cache and the probes.
 * Models kubernetes pkg/kubelet/kubelet_pods.go generateAPIPodStatus / convertToAPIContainerStatuses /
 * convertContainerStatus (v1.34), pkg/kubelet/status/generate.go (Ready, ContainersReady, Initialized,
 * PodReadyToStartContainers) and status_manager.go updateLastTransitionTime / SetContainerReadiness.
 */
import type { ContainerProcess } from '../runtime/types';
import type { Container, ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from '../types';
import { normalizeImage } from '../runtime/images';
import { rfc3339 } from '../time';
import { getPhase } from './phase';

/** One container instance as the runtime reports it (a CRI container). */
export interface RuntimeContainer {
  /** `containerd://<64 hex>`. */
  id: string;
  name: string;
  init: boolean;
  spec: Container;
  state: 'running' | 'exited';
  /** Restart count: 0 for the first instance. */
  attempt: number;
  startedAt: number;
  finishedAt?: number;
  exitCode?: number;
  /** `Completed`, `Error`, `OOMKilled`, `StartError`. */
  reason?: string;
  /** The runtime's message (why a start failed). */
  message?: string;
  imageID: string;
  process?: ContainerProcess;
}

/** Why the last start of a container failed (pkg/kubelet/container reason cache): `CrashLoopBackOff`, `ErrImagePull`… */
export interface StartFailure { reason: string; message: string }

export interface StatusInput {
  pod: Pod;
  /** Every instance of every container, oldest first. */
  containers: RuntimeContainer[];
  reasons: ReadonlyMap<string, StartFailure>;
  sandbox: { ready: boolean; ip?: string };
  nodeIP: string;
  /** The status manager's cached status, or the API's when the kubelet has none. */
  oldStatus: PodStatus | undefined;
  podIsTerminal: boolean;
  now: number;
}

const isRestartable = (c: Container) => c.restartPolicy === 'Always';

/** The two newest instances of `name`. */
function latestTwo(all: RuntimeContainer[], name: string): [RuntimeContainer | undefined, RuntimeContainer | undefined] {
  let a: RuntimeContainer | undefined, b: RuntimeContainer | undefined;
  for (const c of all) if (c.name === name) { b = a; a = c; }
  return [a, b];
}

/** Whether the kubelet will start `spec` again. Models kubecontainer.ShouldContainerBeRestarted. */
export function shouldContainerBeRestarted(spec: Container, pod: Pod, latest: RuntimeContainer | undefined): boolean {
  if (pod.metadata.deletionTimestamp) return false;
  if (!latest) return true;
  if (latest.state === 'running') return false;
  if (pod.spec.restartPolicy === 'Never') return false;
  if (pod.spec.restartPolicy === 'OnFailure' && latest.exitCode === 0) return false;
  return true;
}

/** API state of one instance. Models convertContainerStatus. */
function apiState(c: RuntimeContainer): ContainerState {
  if (c.state === 'running') return { running: { startedAt: rfc3339(c.startedAt) } };
  return { terminated: { exitCode: c.exitCode ?? 0, reason: c.reason, ...(c.message ? { message: c.message } : {}), startedAt: rfc3339(c.startedAt), finishedAt: rfc3339(c.finishedAt ?? c.startedAt), containerID: c.id } };
}

function convertStatuses(i: StatusInput, specs: Container[], isInit: boolean): ContainerStatus[] {
  const { pod } = i;
  const waitingReason = pod.spec.initContainers?.length ? 'PodInitializing' : 'ContainerCreating';
  return specs.map((spec) => {
    const [latest, prev] = latestTwo(i.containers, spec.name);
    const mounts = (spec.volumeMounts ?? []).map((m) => ({ ...m, ...(m.readOnly ? { recursiveReadOnly: 'Disabled' } : {}) }));
    let state: ContainerState = latest ? apiState(latest) : { waiting: { reason: waitingReason } };
    let lastState: ContainerState = prev ? apiState(prev) : {};
    // A container the kubelet will start again shows why its last start failed, if it did.
    const done = isInit && !isRestartable(spec) && latest?.state === 'exited' && latest.exitCode === 0;
    const failure = i.reasons.get(spec.name);
    if (!done && failure && shouldContainerBeRestarted(spec, pod, latest)) {
      if (state.terminated) lastState = state;
      state = { waiting: { reason: failure.reason, message: failure.message } };
    }
    if (i.podIsTerminal && state.waiting && !lastState.terminated) {
      state = { terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated' } };
    }
    return {
      ...(latest ? { containerID: latest.id } : {}),
      image: latest ? normalizeImage(latest.spec.image ?? '').ref : (spec.image ?? ''),
      imageID: latest?.imageID ?? '',
      lastState,
      name: spec.name,
      ready: false,
      restartCount: latest?.attempt ?? 0,
      started: false,
      state,
      ...(mounts.length ? { volumeMounts: mounts } : {}),
    };
  });
}

/** A condition with observedGeneration, as status/generate.go builds them. */
function cond(pod: Pod, type: string, status: 'True' | 'False', reason?: string, message?: string): PodCondition {
  return { lastProbeTime: null, lastTransitionTime: '', status, type, ...(reason ? { reason } : {}), ...(message ? { message } : {}), observedGeneration: pod.metadata.generation };
}

/** Ready and ContainersReady from container readiness. Models GeneratePodReadyCondition / GenerateContainersReadyCondition. */
export function readyConditions(pod: Pod, statuses: ContainerStatus[], inits: ContainerStatus[], phase: string | undefined): [PodCondition, PodCondition] {
  const both = (status: 'True' | 'False', reason?: string, message?: string): [PodCondition, PodCondition] =>
    [cond(pod, 'Ready', status, reason, message), cond(pod, 'ContainersReady', status, reason, message)];
  // generateContainersReadyConditionForTerminalPhase: a terminal pod is never ready.
  if (phase === 'Succeeded') return both('False', 'PodCompleted');
  if (phase === 'Failed') return both('False', 'PodFailed');
  const sidecars = new Set((pod.spec.initContainers ?? []).filter(isRestartable).map((c) => c.name));
  const unready = [...inits.filter((s) => sidecars.has(s.name)), ...statuses].filter((s) => !s.ready).map((s) => s.name);
  if (unready.length === 0) return both('True');
  return both('False', 'ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`);
}

/** Models status/generate.go GeneratePodInitializedCondition. */
function initializedCondition(pod: Pod, inits: ContainerStatus[], phase: string, regularStarted: boolean): PodCondition {
  const specs = pod.spec.initContainers ?? [];
  const incomplete = specs.filter((c, k) => (isRestartable(c) ? !inits[k].started : inits[k].state.terminated?.exitCode !== 0)).map((c) => c.name);
  if (phase === 'Succeeded') return cond(pod, 'Initialized', 'True', 'PodCompleted');
  if (regularStarted || incomplete.length === 0) return cond(pod, 'Initialized', 'True');
  return cond(pod, 'Initialized', 'False', 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`);
}

/**
 * Keeps lastTransitionTime of conditions whose status did not change; stamps `now` on the others, and keeps the
 * first startTime. Models status_manager.go updateLastTransitionTime and the startTime rule. Mutates `status`.
 */
export function normalizeStatus(status: PodStatus, old: PodStatus | undefined, now: number): PodStatus {
  for (const c of status.conditions ?? []) {
    if (c.lastTransitionTime) continue;
    const prev = old?.conditions?.find((o) => o.type === c.type);
    c.lastTransitionTime = prev && prev.status === c.status && prev.lastTransitionTime ? prev.lastTransitionTime : rfc3339(now);
  }
  if (old?.startTime) status.startTime = old.startTime;
  return status;
}

/**
 * The API status for the pod (without started/ready, which the probe manager fills in). Models
 * generateAPIPodStatus: container statuses, phase with terminal phases kept, kubelet-owned conditions after the
 * others (DisruptionTarget is carried over from the old status).
 */
export function generateAPIPodStatus(i: StatusInput, fillProbes: (status: PodStatus) => void): PodStatus {
  const { pod, oldStatus } = i;
  const inits = pod.spec.initContainers ?? [];
  const initStatuses = convertStatuses(i, inits, true);
  const statuses = convertStatuses(i, pod.spec.containers, false);
  const regularStarted = statuses.some((c) => c.state.running || c.state.terminated);
  let phase = getPhase(pod, initStatuses, statuses, i.podIsTerminal, regularStarted);
  const terminal = (p?: string) => p === 'Failed' || p === 'Succeeded';
  if (!terminal(phase)) {
    if (terminal(oldStatus?.phase)) phase = oldStatus!.phase!;
    else if (terminal(pod.status?.phase)) phase = pod.status!.phase!;
  }
  // Pods are not allowed to transition out of the terminal phase the API server shows.
  if (terminal(pod.status?.phase) && phase !== pod.status!.phase) phase = pod.status!.phase!;
  const status: PodStatus = {
    conditions: [],
    ...(statuses.length ? { containerStatuses: statuses } : {}),
    hostIP: i.nodeIP,
    hostIPs: [{ ip: i.nodeIP }],
    ...(initStatuses.length ? { initContainerStatuses: initStatuses } : {}),
    ...(phase === oldStatus?.phase && oldStatus?.message ? { message: oldStatus.message } : {}),
    observedGeneration: pod.metadata.generation,
    phase,
    ...(i.sandbox.ip ? { podIP: i.sandbox.ip, podIPs: [{ ip: i.sandbox.ip }] } : {}),
    qosClass: pod.status?.qosClass,
    ...(phase === oldStatus?.phase && oldStatus?.reason ? { reason: oldStatus.reason } : {}),
    startTime: rfc3339(i.now),
  };
  fillProbes(status);
  const disruption = oldStatus?.conditions?.find((c) => c.type === 'DisruptionTarget');
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  status.conditions = [
    ...(disruption ? [disruption] : []),
    cond(pod, 'PodReadyToStartContainers', i.sandbox.ready ? 'True' : 'False'),
    initializedCondition(pod, initStatuses, phase, regularStarted),
    ...readyConditions(pod, statuses, initStatuses, phase),
    ...(scheduled ? [scheduled] : []),
  ];
  return normalizeStatus(status, oldStatus ?? pod.status, i.now);
}

/**
 * `status` with one container's readiness changed and Ready/ContainersReady recomputed, or undefined when the
 * container is unknown or already so. Models status_manager.go SetContainerReadiness (and SetContainerStartup).
 */
export function withContainerProbe(pod: Pod, status: PodStatus, containerID: string, field: 'ready' | 'started', value: boolean, now: number): PodStatus | undefined {
  const find = (s: PodStatus) => [...(s.containerStatuses ?? []), ...(s.initContainerStatuses ?? [])].find((c) => c.containerID === containerID);
  const current = find(status);
  if (!current || current[field] === value) return undefined;
  const next: PodStatus = structuredClone(status);
  find(next)![field] = value;
  if (field === 'ready') {
    const [ready, containersReady] = readyConditions(pod, next.containerStatuses ?? [], next.initContainerStatuses ?? [], next.phase);
    next.conditions = (next.conditions ?? []).map((c) => (c.type === 'Ready' ? ready : c.type === 'ContainersReady' ? containersReady : c));
  }
  return normalizeStatus(next, status, now);
}
