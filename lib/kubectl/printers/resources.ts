/**
 * Human-readable rows for the core/v1 types besides pods: the column definitions and print functions of
 * kubernetes pkg/printers/internalversion/printers.go (v1.34), keeping upstream names. Each print function is pure
 * and returns every cell, wide ones included; printTable drops `priority` columns unless `-o wide`.
 */
import type { Endpoints, Event, Namespace, Node, Service, ServicePort } from '../../sim/types';
import type { TableColumn } from './table';
import { formatLabels } from './table';
import { translateTimestampSince } from './duration';

export const serviceColumnDefinitions: TableColumn[] = [
  { name: 'Name' }, { name: 'Type' }, { name: 'Cluster-IP' }, { name: 'External-IP' }, { name: 'Port(s)' }, { name: 'Age' },
  { name: 'Selector', priority: 1 },
];

export const endpointColumnDefinitions: TableColumn[] = [{ name: 'Name' }, { name: 'Endpoints' }, { name: 'Age' }];

export const eventColumnDefinitions: TableColumn[] = [
  { name: 'Last Seen' }, { name: 'Type' }, { name: 'Reason' }, { name: 'Object' },
  { name: 'Subobject', priority: 1 }, { name: 'Source', priority: 1 }, { name: 'Message' },
  { name: 'First Seen', priority: 1 }, { name: 'Count', priority: 1 }, { name: 'Name', priority: 1 },
];

export const namespaceColumnDefinitions: TableColumn[] = [{ name: 'Name' }, { name: 'Status' }, { name: 'Age' }];

export const nodeColumnDefinitions: TableColumn[] = [
  { name: 'Name' }, { name: 'Status' }, { name: 'Roles' }, { name: 'Age' }, { name: 'Version' },
  { name: 'Internal-IP', priority: 1 }, { name: 'External-IP', priority: 1 }, { name: 'OS-Image', priority: 1 },
  { name: 'Kernel-Version', priority: 1 }, { name: 'Container-Runtime', priority: 1 },
];

/** `80/TCP,30080:31000/TCP`: printers.go makePortString. */
export function makePortString(ports: readonly ServicePort[] | undefined): string {
  return (ports ?? []).map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
}

interface LoadBalancerIngress { ip?: string; hostname?: string }

/** printers.go loadBalancerStatusStringer: ingress IPs/hostnames, sorted, cut to 16 characters unless wide. */
function loadBalancerStatusStringer(lb: { ingress?: LoadBalancerIngress[] } | undefined, wide: boolean): string {
  // A sets.String: unique and sorted.
  const result = [...new Set((lb?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : i.hostname ? [i.hostname] : [])))].sort().join(',');
  const loadBalancerWidth = 16;
  return !wide && result.length > loadBalancerWidth ? result.slice(0, loadBalancerWidth - 3) + '...' : result;
}

/** printers.go getServiceExternalIP. */
export function getServiceExternalIP(svc: Service, wide: boolean): string {
  const externalIPs = (svc.spec.externalIPs as string[] | undefined) ?? [];
  switch (svc.spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lbIps = loadBalancerStatusStringer(svc.status?.loadBalancer as { ingress?: LoadBalancerIngress[] } | undefined, wide);
      if (externalIPs.length) return [...(lbIps ? lbIps.split(',') : []), ...externalIPs].join(',');
      return lbIps || '<pending>';
    }
    case 'ExternalName':
      return (svc.spec.externalName as string | undefined) ?? '';
  }
  return '<unknown>';
}

/** printers.go printService. */
export function printService(svc: Service, now: number): string[] {
  const internalIP = svc.spec.clusterIPs?.[0] ?? '<none>';
  return [svc.metadata.name!, svc.spec.type ?? '', internalIP, getServiceExternalIP(svc, false), makePortString(svc.spec.ports) || '<none>',
    translateTimestampSince(svc.metadata.creationTimestamp, now), formatLabels(svc.spec.selector)];
}

/** As printService with `-o wide` (the external IP is not shortened). */
export function printServiceWide(svc: Service, now: number): string[] {
  const cells = printService(svc, now);
  cells[3] = getServiceExternalIP(svc, true);
  return cells;
}

/** Go's net.JoinHostPort: IPv6 addresses are bracketed. */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * `10.244.1.2:80,10.244.2.3:80,10.244.1.4:80 + 1 more...`: at most three endpoints, then how many were left out.
 * Models printers.go formatEndpoints; `ports` restricts to named ports (nil: all), as describe service passes.
 */
export function formatEndpoints(endpoints: Endpoints, ports?: ReadonlySet<string>): string {
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if (!ss.ports?.length) {
      // Headless services may have no ports.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) { more = true; break; }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports) {
      if (ports === undefined || ports.has(port.name ?? '')) {
        count += addresses.length;
        for (const a of addresses) {
          if (list.length === max) { more = true; break; }
          list.push(joinHostPort(a.ip, port.port));
        }
      }
    }
  }
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret || '<none>';
}

/** printers.go printEndpoints. */
export function printEndpoints(ep: Endpoints, now: number): string[] {
  return [ep.metadata.name!, formatEndpoints(ep), translateTimestampSince(ep.metadata.creationTimestamp, now)];
}

/** printers.go formatEventSource: component (or reportingController), then `, host` (or reportingInstance). */
export function formatEventSource(source: Event['source'] | undefined, reportingController: string | undefined, reportingInstance: string | undefined): string {
  const component = source?.component || reportingController || '';
  const instance = source?.host || reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

/**
 * printers.go printEvent: FIRST SEEN falls back to eventTime for events.k8s.io-written events, LAST SEEN to
 * FIRST SEEN; a series overrides LAST SEEN and COUNT; a singleton without count counts 1.
 */
export function printEvent(e: Event, now: number): string[] {
  const firstTimestamp = e.firstTimestamp ? translateTimestampSince(e.firstTimestamp, now) : translateTimestampSince(e.eventTime, now);
  let lastTimestamp = e.lastTimestamp ? translateTimestampSince(e.lastTimestamp, now) : firstTimestamp;
  let count = e.count ?? 0;
  const series = e.series as { count?: number; lastObservedTime?: string } | undefined;
  if (series) {
    lastTimestamp = translateTimestampSince(series.lastObservedTime, now);
    count = series.count ?? 0;
  } else if (count === 0) count = 1;
  const kind = (e.involvedObject.kind ?? '').toLowerCase();
  const target = e.involvedObject.name ? `${kind}/${e.involvedObject.name}` : kind;
  return [lastTimestamp, e.type, e.reason, target, e.involvedObject.fieldPath ?? '',
    formatEventSource(e.source, e.reportingComponent, e.reportingInstance),
    (e.message ?? '').trim(), firstTimestamp, String(count), e.metadata.name!];
}

/** printers.go printNamespace. */
export function printNamespace(n: Namespace, now: number): string[] {
  return [n.metadata.name!, n.status?.phase ?? '', translateTimestampSince(n.metadata.creationTimestamp, now)];
}

const labelNodeRolePrefix = 'node-role.kubernetes.io/';
const nodeLabelRole = 'kubernetes.io/role';

/** printers.go findNodeRoles: `node-role.kubernetes.io/<role>` label keys and the `kubernetes.io/role` value, sorted. */
export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(labelNodeRolePrefix)) {
      const role = k.slice(labelNodeRolePrefix.length);
      if (role) roles.add(role);
    } else if (k === nodeLabelRole && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

/** printers.go getNodeExternalIP / getNodeInternalIP: the first address of the type, or `<none>`. */
function nodeAddress(node: Node, type: string): string {
  return node.status.addresses?.find((a) => a.type === type)?.address ?? '<none>';
}

/**
 * printers.go printNode: STATUS lists every condition type among Ready/… that is True, `NotReady` for a Ready that is
 * not, `Unknown` with no conditions, plus `SchedulingDisabled` for a cordoned node.
 */
export function printNode(node: Node, now: number): string[] {
  // Upstream builds a map of condition type -> condition, then reports the ones in nodeConditionsToReport ([Ready]).
  const conditionMap = new Map((node.status.conditions ?? []).map((c) => [c.type, c]));
  const status: string[] = [];
  for (const validCondition of ['Ready']) {
    const c = conditionMap.get(validCondition);
    if (c) status.push(c.status === 'True' ? c.type : 'Not' + c.type);
  }
  if (status.length === 0) status.push('Unknown');
  if (node.spec.unschedulable) status.push('SchedulingDisabled');
  const roles = findNodeRoles(node).join(',') || '<none>';
  const info = node.status.nodeInfo ?? {};
  // printers.go: an empty OS image reads <unknown>; kernel and runtime likewise.
  const orUnknown = (s: string | undefined) => s || '<unknown>';
  return [node.metadata.name!, status.join(','), roles, translateTimestampSince(node.metadata.creationTimestamp, now), info.kubeletVersion ?? '',
    nodeAddress(node, 'InternalIP'), nodeAddress(node, 'ExternalIP'), orUnknown(info.osImage), orUnknown(info.kernelVersion), orUnknown(info.containerRuntimeVersion)];
}
