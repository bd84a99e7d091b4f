/**
 * `kubectl get pods`: the row printer for a Pod and the table around it.
 * Models kubernetes pkg/printers/internalversion/printers.go printPod and podColumnDefinitions (v1.34).
 */
import type { Container, ContainerStatus, Pod, PodStatus } from '@/lib/sim/types';
import { humanDuration, parseTimestamp, translateTimestampSince } from './duration';
import { printTable, type TableColumn, type TableOptions } from './table';

/** The pod columns; the last four print only with `-o wide`. */
export const podColumnDefinitions: TableColumn[] = [
  { name: 'Name' },
  { name: 'Ready' },
  { name: 'Status' },
  { name: 'Restarts' },
  { name: 'Age' },
  { name: 'IP', priority: 1 },
  { name: 'Node', priority: 1 },
  { name: 'Nominated Node', priority: 1 },
  { name: 'Readiness Gates', priority: 1 },
];

// pkg/util/node NodeUnreachablePodReason
const NodeUnreachablePodReason = 'NodeLost';

/** Models kubernetes pkg/api/pod IsRestartableInitContainer: a sidecar is an init container with restartPolicy Always. */
function isRestartableInitContainer(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

function isPodInitializedConditionTrue(status: PodStatus): boolean {
  const c = status.conditions?.find((c) => c.type === 'Initialized');
  return c?.status === 'True';
}

function hasPodReadyCondition(status: PodStatus): boolean {
  return (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

// Go's zero time sorts before every real timestamp, so "no restart yet" is -Infinity here.
const lastTerminationFinishedAt = (s: ContainerStatus): number =>
  s.lastState?.terminated ? (parseTimestamp(s.lastState.terminated.finishedAt) ?? -Infinity) : -Infinity;

/**
 * Returns the cells of one `kubectl get pods` row: NAME READY STATUS RESTARTS AGE, plus IP NODE NOMINATED NODE
 * READINESS GATES when `wide`. Pure.
 */
export function printPod(pod: Pod, now: number, wide = false): string[] {
  const status = pod.status ?? {};
  let restarts = 0;
  let restartableInitContainerRestarts = 0;
  let totalContainers = pod.spec.containers.length;
  let readyContainers = 0;
  let lastRestartDate = -Infinity;
  let lastRestartableInitContainerRestartDate = -Infinity;

  const podPhase = status.phase ?? '';
  let reason = status.reason || podPhase;

  // If the Pod carries {type:PodScheduled, reason:SchedulingGated}, set reason to 'SchedulingGated'.
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initContainers = new Map<string, Container>();
  for (const c of pod.spec.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i];
    const restartable = isRestartableInitContainer(initContainers.get(container.name));
    restarts += container.restartCount;
    lastRestartDate = Math.max(lastRestartDate, lastTerminationFinishedAt(container));
    if (restartable) {
      restartableInitContainerRestarts += container.restartCount;
      lastRestartableInitContainerRestartDate = Math.max(lastRestartableInitContainerRestartDate, lastTerminationFinishedAt(container));
    }
    const { terminated, waiting } = container.state ?? {};
    if (terminated && terminated.exitCode === 0) continue;
    if (restartable && container.started) {
      if (container.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      // initialization is failed
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
      } else {
        reason = 'Init:' + terminated.reason;
      }
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = 'Init:' + waiting.reason;
    } else {
      reason = `Init:${i}/${pod.spec.initContainers?.length ?? 0}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || isPodInitializedConditionTrue(status)) {
    restarts = restartableInitContainerRestarts;
    lastRestartDate = lastRestartableInitContainerRestartDate;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i];
      restarts += container.restartCount;
      lastRestartDate = Math.max(lastRestartDate, lastTerminationFinishedAt(container));
      const { waiting, terminated, running } = container.state ?? {};
      if (waiting?.reason) {
        reason = waiting.reason;
      } else if (terminated?.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      } else if (container.ready && running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // change pod status back to "Running" if there is at least one container still reporting as "Running" status
    if (reason === 'Completed' && hasRunning) reason = hasPodReadyCondition(status) ? 'Running' : 'NotReady';
  }

  const deleting = pod.metadata.deletionTimestamp !== undefined;
  if (deleting && status.reason === NodeUnreachablePodReason) {
    reason = 'Unknown';
  } else if (deleting && podPhase !== 'Succeeded' && podPhase !== 'Failed') {
    reason = 'Terminating';
  }

  let restartsStr = String(restarts);
  if (restarts !== 0 && lastRestartDate !== -Infinity) {
    restartsStr = `${restarts} (${humanDuration(now - lastRestartDate)} ago)`;
  }

  const cells = [
    pod.metadata.name ?? '',
    `${readyContainers}/${totalContainers}`,
    reason,
    restartsStr,
    translateTimestampSince(pod.metadata.creationTimestamp, now),
  ];
  if (wide) {
    const gates = (pod.spec.readinessGates as Array<{ conditionType: string }> | undefined) ?? [];
    let readinessGates = '<none>';
    if (gates.length > 0) {
      const trueConditions = gates.filter(
        (g) => status.conditions?.find((c) => c.type === g.conditionType)?.status === 'True',
      ).length;
      readinessGates = `${trueConditions}/${gates.length}`;
    }
    cells.push(
      status.podIPs?.[0]?.ip || '<none>',
      pod.spec.nodeName || '<none>',
      status.nominatedNodeName || '<none>',
      readinessGates,
    );
  }
  return cells;
}

/** Options for {@link podTable}; `now` is the virtual clock in ms since epoch. */
export interface PodTableOptions extends TableOptions {
  now: number;
}

/** Returns exactly what `kubectl get pods` prints to stdout for `pods` (in the given order); '' for none. Pure. */
export function podTable(pods: Pod[], options: PodTableOptions): string {
  // The server prints every column; the client drops the wide ones (tableprinter.go printTable).
  const rows = pods.map((pod) => ({
    cells: printPod(pod, options.now, true),
    namespace: pod.metadata.namespace,
    labels: pod.metadata.labels,
  }));
  return printTable(podColumnDefinitions, rows, options);
}
