/**
 * Node health, as kube-controller-manager watches it. Kubelets renew a heartbeat (their Lease) every 10s; every 5s
 * the node lifecycle controller looks for nodes silent for longer than the 50s grace period and then
 * - sets all the kubelet's node conditions to Unknown (`NodeStatusUnknown`, `Kubelet stopped posting node status.`),
 * - taints the node `node.kubernetes.io/unreachable` with NoSchedule and NoExecute (timeAdded) — NoSchedule taints
 *   follow node conditions in general (memory-pressure, not-ready, ...),
 * - marks the node's pods NotReady (only their Ready condition; phase is left alone — the Unknown phase has not
 *   been set since 2015) with a `NodeNotReady` event;
 * and the taint eviction controller deletes each pod when its toleration of the NoExecute taint runs out (the 300s
 * tolerations every pod gets by default), adding the DisruptionTarget condition first. When heartbeats resume, the
 * taints go and the kubelet's next status update makes the pods Ready again.
 * Models kubernetes pkg/controller/nodelifecycle/node_lifecycle_controller.go (monitorNodeHealth,
 * tryUpdateNodeHealth, doNoScheduleTaintingPass, doNoExecuteTaintingPass), pkg/controller/util/node MarkPodsNotReady
 * and pkg/controller/tainteviction (v1.34; --node-monitor-grace-period 50s since v1.32).
 */
import type { ApiServer } from '../apiserver';
import { clone } from '../apiserver';
import type { VirtualClock, TimerHandle } from '../clock';
import type { EventRecorder } from '../events';
import type { Node, Pod } from '../types';
import { rfc3339 } from '../time';
import { tolerates } from '../scheduler';

export const nodeMonitorPeriodMs = 5_000;
export const nodeMonitorGracePeriodMs = 50_000;
export const nodeLeaseRenewMs = 10_000;
const unreachable = 'node.kubernetes.io/unreachable';
const kubeletConditions = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'];

export interface NodeLifecycle {
  /** Stops (false) or resumes (true) a node's heartbeats, as when its kubelet or network goes away. */
  setReachable(node: string, reachable: boolean): void;
  reachable(node: string): boolean;
  stop(): void;
}

/** Starts the heartbeats, the node lifecycle controller and the taint eviction controller. */
export function createNodeLifecycle(o: { api: ApiServer; clock: VirtualClock; events: EventRecorder }): NodeLifecycle {
  const { api, clock, events } = o;
  const lastHeartbeat = new Map<string, number>(api.list<Node>('nodes').map((n) => [n.metadata.name!, clock.now()]));
  const down = new Set<string>();
  const evictions = new Map<string, TimerHandle>(); // pod uid → pending deletion

  /**
   * The kubelet's node status report (nodeStatusReportFrequency, 5m): even when nothing changed it re-posts its
   * conditions with a fresh lastHeartbeatTime (kubelet_node_status.go tryUpdateNodeStatus). Unreachable nodes don't.
   */
  const nodeStatusReportFrequencyMs = 5 * 60_000;
  function reportNodeStatus() {
    const ts = rfc3339(clock.now());
    for (const n of api.list<Node>('nodes')) {
      if (down.has(n.metadata.name!) || n.status.conditions.some((c) => c.type === 'Ready' && c.status === 'Unknown')) continue;
      const next = clone(n);
      next.status.conditions = next.status.conditions.map((c) => (kubeletConditions.includes(c.type) ? { ...c, lastHeartbeatTime: ts } : c));
      api.updateStatus('nodes', next);
    }
  }
  const report = clock.every(nodeStatusReportFrequencyMs, reportNodeStatus);
  // After a skip the kubelets have been renewing and reporting all along.
  clock.onSkip(() => {
    for (const n of lastHeartbeat.keys()) if (!down.has(n)) lastHeartbeat.set(n, clock.now());
    reportNodeStatus();
  });
  const renew = clock.every(nodeLeaseRenewMs, () => {
    for (const n of api.list<Node>('nodes')) if (!down.has(n.metadata.name!)) lastHeartbeat.set(n.metadata.name!, clock.now());
  });

  function markUnknown(node: Node) {
    const now = rfc3339(clock.now());
    const next = clone(node);
    next.status.conditions = next.status.conditions.map((c) => (kubeletConditions.includes(c.type) && c.status !== 'Unknown'
      ? { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: now }
      : c));
    next.status = { ...next.status };
    api.updateStatus('nodes', next);
    const tainted = clone(api.get<Node>('nodes', undefined, node.metadata.name!));
    const taints = (tainted.spec.taints ?? []).filter((t) => t.key !== unreachable);
    taints.push({ key: unreachable, effect: 'NoExecute', timeAdded: now });
    tainted.spec.taints = taints;
    api.update('nodes', tainted);
    noScheduleTaintingPass(api.get<Node>('nodes', undefined, node.metadata.name!));
    events.record(node, { type: 'Normal', reason: 'NodeNotReady', message: `Node ${node.metadata.name} status is now: NodeNotReady`, component: 'node-controller' });
    for (const pod of api.list<Pod>('pods').filter((p) => p.spec.nodeName === node.metadata.name)) {
      const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
      if (!ready || ready.status === 'False') continue;
      const p = clone(pod);
      p.status!.conditions = p.status!.conditions!.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: now } : c));
      api.updateStatus('pods', p);
      events.record(pod, { type: 'Warning', reason: 'NodeNotReady', message: 'Node is not ready', component: 'node-controller' });
    }
  }

  function markReachable(node: Node) {
    // The kubelet posts fresh conditions as soon as it is back (its node status update); MemoryPressure keeps the
    // eviction manager's view, which it posts itself.
    const posted = clone(api.get<Node>('nodes', undefined, node.metadata.name!));
    const now = rfc3339(clock.now());
    const fresh: Record<string, [string, string, string]> = {
      DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
    };
    posted.status.conditions = posted.status.conditions.map((c) => {
      const f = fresh[c.type];
      return f ? { ...c, status: f[0] as 'True' | 'False', reason: f[1], message: f[2], lastHeartbeatTime: now, lastTransitionTime: c.status === f[0] ? c.lastTransitionTime : now } : c;
    });
    posted.status.conditions = posted.status.conditions.map((c) => (c.type === 'MemoryPressure' && c.status === 'Unknown'
      ? { ...c, status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', lastHeartbeatTime: now, lastTransitionTime: now } : c));
    api.updateStatus('nodes', posted);
    const untainted = clone(api.get<Node>('nodes', undefined, node.metadata.name!));
    untainted.spec.taints = (untainted.spec.taints ?? []).filter((t) => !(t.key === unreachable && t.effect === 'NoExecute'));
    if (untainted.spec.taints.length === 0) delete untainted.spec.taints;
    api.update('nodes', untainted);
    noScheduleTaintingPass(api.get<Node>('nodes', undefined, node.metadata.name!));
    events.record(node, { type: 'Normal', reason: 'NodeReady', message: `Node ${node.metadata.name} status is now: NodeReady`, component: 'kubelet', host: node.metadata.name });
  }

  /**
   * NoSchedule taints follow node conditions and spec.unschedulable.
   * Models doNoScheduleTaintingPass with nodeConditionToTaintKeyStatusMap.
   */
  const conditionTaints: Array<[string, string, string]> = [
    ['Ready', 'False', 'node.kubernetes.io/not-ready'],
    ['Ready', 'Unknown', unreachable],
    ['MemoryPressure', 'True', 'node.kubernetes.io/memory-pressure'],
    ['DiskPressure', 'True', 'node.kubernetes.io/disk-pressure'],
    ['PIDPressure', 'True', 'node.kubernetes.io/pid-pressure'],
    ['NetworkUnavailable', 'True', 'node.kubernetes.io/network-unavailable'],
  ];
  const managed = new Set([...conditionTaints.map((c) => c[2]), 'node.kubernetes.io/unschedulable']);
  function noScheduleTaintingPass(node: Node) {
    const want = conditionTaints.filter(([type, status]) => node.status.conditions.some((c) => c.type === type && c.status === status)).map((c) => c[2]);
    if (node.spec.unschedulable) want.push('node.kubernetes.io/unschedulable');
    const current = (node.spec.taints ?? []).filter((t) => t.effect === 'NoSchedule' && managed.has(t.key)).map((t) => t.key);
    if (want.length === current.length && want.every((k) => current.includes(k))) return;
    const next = clone(node);
    const kept = (next.spec.taints ?? []).filter((t) => !(t.effect === 'NoSchedule' && managed.has(t.key)));
    next.spec.taints = [...kept, ...want.map((key) => ({ key, effect: 'NoSchedule' }))];
    if (next.spec.taints.length === 0) delete next.spec.taints;
    api.update('nodes', next);
  }

  const monitor = clock.every(nodeMonitorPeriodMs, () => {
    for (const node of api.list<Node>('nodes')) noScheduleTaintingPass(node);
    for (const node of api.list<Node>('nodes')) {
      const name = node.metadata.name!;
      const ready = node.status.conditions.find((c) => c.type === 'Ready');
      const silentFor = clock.now() - (lastHeartbeat.get(name) ?? clock.now());
      if (silentFor > nodeMonitorGracePeriodMs && ready?.status !== 'Unknown') markUnknown(node);
      else if (!down.has(name) && ready?.status === 'Unknown') markReachable(node);
    }
  });

  /** Taint eviction: when must this pod go because of the node's NoExecute taints? undefined = it may stay. */
  function evictionDelay(pod: Pod, node: Node): number | undefined {
    const taints = (node.spec.taints ?? []).filter((t) => t.effect === 'NoExecute');
    if (taints.length === 0) return undefined;
    let delay = Infinity;
    for (const t of taints) {
      const matching = (pod.spec.tolerations ?? []).filter((tol) => tolerates([tol], t));
      if (matching.length === 0) return 0;
      const seconds = Math.min(...matching.map((tol) => (tol.tolerationSeconds === undefined ? Infinity : Math.max(0, tol.tolerationSeconds))));
      const since = t.timeAdded ? Date.parse(t.timeAdded) : clock.now();
      delay = Math.min(delay, since + seconds * 1000 - clock.now());
    }
    return delay === Infinity ? undefined : Math.max(0, delay);
  }

  function evict(pod: Pod) {
    evictions.delete(pod.metadata.uid!);
    const current = api.find<Pod>('pods', pod.metadata.namespace, pod.metadata.name!);
    if (!current || current.metadata.uid !== pod.metadata.uid || current.metadata.deletionTimestamp) return;
    events.record(current, { type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${current.metadata.namespace}/${current.metadata.name}`, component: 'taint-eviction-controller' });
    const p = clone(current);
    p.status!.conditions = [...(p.status!.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'),
      { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastProbeTime: null, lastTransitionTime: rfc3339(clock.now()) }];
    api.updateStatus('pods', p);
    api.delete('pods', current.metadata.namespace, current.metadata.name!);
  }

  function reconcilePod(pod: Pod, node: Node | undefined) {
    const uid = pod.metadata.uid!;
    const delay = node && !pod.metadata.deletionTimestamp ? evictionDelay(pod, node) : undefined;
    const pending = evictions.get(uid);
    if (delay === undefined) { pending?.cancel(); evictions.delete(uid); return; }
    if (!pending) evictions.set(uid, clock.after(delay, () => evict(pod)));
  }

  function reconcileNode(nodeName: string) {
    const node = api.find<Node>('nodes', undefined, nodeName);
    for (const pod of api.list<Pod>('pods').filter((p) => p.spec.nodeName === nodeName)) reconcilePod(pod, node);
  }

  const stopNodes = api.watch('nodes', ({ object }) => clock.after(0, () => reconcileNode(object.metadata.name!)));
  const stopPods = api.watch('pods', ({ type, object }) => {
    const pod = object as Pod;
    if (type === 'DELETED') { evictions.get(pod.metadata.uid!)?.cancel(); evictions.delete(pod.metadata.uid!); return; }
    if (!pod.spec.nodeName) return;
    const node = api.find<Node>('nodes', undefined, pod.spec.nodeName);
    if (node?.spec.taints?.some((t) => t.effect === 'NoExecute') || evictions.has(pod.metadata.uid!)) {
      clock.after(0, () => {
        const latest = api.find<Pod>('pods', pod.metadata.namespace, pod.metadata.name!);
        if (latest && latest.metadata.uid === pod.metadata.uid) reconcilePod(latest, api.find<Node>('nodes', undefined, pod.spec.nodeName!));
      });
    }
  });

  return {
    setReachable(node, reachable) {
      if (reachable) { down.delete(node); lastHeartbeat.set(node, clock.now()); } else down.add(node);
    },
    reachable: (node) => !down.has(node),
    stop() { renew.cancel(); monitor.cancel(); report.cancel(); stopNodes(); stopPods(); for (const t of evictions.values()) t.cancel(); },
  };
}
