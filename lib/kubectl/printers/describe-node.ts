/**
 * `kubectl describe node`. Models kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go describeNode,
 * describeNodeResource, getPodsTotalRequestsAndLimits and printNodeTaintsMultiline, with
 * staging/src/k8s.io/kubectl/pkg/util/resource PodRequestsAndLimits (v1.34). The simulator serves no Leases, so the
 * Lease section (printed only when the node's Lease is found) is absent.
 */
import type { Container, Event, Node, Pod } from '@/lib/sim/types';
import { parseQuantity, Quantity } from '@/lib/sim/quantity';
import { describeEvents, formatRFC1123Z, newPrefixWriter, printAnnotationsMultiline, printLabelsMultiline, type DescribeOptions, type PrefixWriter } from './describe-pod';
import { findNodeRoles } from './resources';
import { translateTimestampSince } from './duration';
import { tabbedString } from './tabwriter';

type ResourceList = Map<string, Quantity>;

const toList = (r: Record<string, string> | undefined): ResourceList =>
  new Map(Object.entries(r ?? {}).flatMap(([k, v]) => { const q = parseQuantity(String(v)); return q ? [[k, q] as [string, Quantity]] : []; }));

function addResourceList(list: ResourceList, add: ResourceList): void {
  for (const [name, q] of add) list.set(name, list.has(name) ? list.get(name)!.add(q) : q);
}
function maxResourceList(list: ResourceList, other: ResourceList): void {
  for (const [name, q] of other) if (!list.has(name) || q.cmp(list.get(name)!) > 0) list.set(name, q);
}

/**
 * The pod's effective requests and limits: containers summed, sidecars (restartable init containers) added, the
 * largest init container taken when larger, overhead added. Models resourcehelper.PodRequestsAndLimits.
 */
export function podRequestsAndLimits(pod: Pod): { reqs: ResourceList; limits: ResourceList } {
  const one = (pick: 'requests' | 'limits') => {
    const total: ResourceList = new Map();
    for (const c of pod.spec.containers) addResourceList(total, toList(c.resources?.[pick]));
    const restartable: ResourceList = new Map();
    const init: ResourceList = new Map();
    for (const c of (pod.spec.initContainers ?? []) as Container[]) {
      let reqs = toList(c.resources?.[pick]);
      if (c.restartPolicy === 'Always') {
        addResourceList(total, reqs);
        addResourceList(restartable, reqs);
        reqs = new Map(restartable);
      } else {
        const tmp: ResourceList = new Map();
        addResourceList(tmp, reqs);
        addResourceList(tmp, restartable);
        reqs = tmp;
      }
      maxResourceList(init, reqs);
    }
    maxResourceList(total, init);
    const overhead = pod.spec.overhead as Record<string, string> | undefined;
    if (overhead) addResourceList(total, toList(overhead));
    return total;
  };
  return { reqs: one('requests'), limits: one('limits') };
}

const zero = Quantity.zero();
const get = (l: ResourceList, name: string) => l.get(name) ?? zero;
// int64(float64(a) / float64(b) * 100): truncation toward zero; NaN/Inf as Go converts them is not reached here.
const percent = (a: number, b: number) => Math.trunc((a / b) * 100);

const isHugePageResourceName = (n: string) => n.startsWith('hugepages-');
// helper.IsStandardContainerResourceName
const standardContainerResources = new Set(['cpu', 'memory', 'ephemeral-storage']);

function describeNodeResource(pods: readonly Pod[], node: Node, w: PrefixWriter, now: number): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocatable = toList(Object.keys(node.status.allocatable ?? {}).length ? node.status.allocatable : node.status.capacity);
  const cpuAlloc = get(allocatable, 'cpu').milliValue();
  const memAlloc = get(allocatable, 'memory').value();
  for (const pod of pods) {
    const { reqs, limits } = podRequestsAndLimits(pod);
    const cpuReq = get(reqs, 'cpu');
    const cpuLimit = get(limits, 'cpu');
    const memReq = get(reqs, 'memory');
    const memLimit = get(limits, 'memory');
    w.write(1, `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${cpuReq} (${percent(cpuReq.milliValue(), cpuAlloc)}%)\t${cpuLimit} (${percent(cpuLimit.milliValue(), cpuAlloc)}%)\t${memReq} (${percent(memReq.value(), memAlloc)}%)\t${memLimit} (${percent(memLimit.value(), memAlloc)}%)\t${translateTimestampSince(pod.metadata.creationTimestamp, now)}\n`);
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  // getPodsTotalRequestsAndLimits
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const pod of pods) {
    const r = podRequestsAndLimits(pod);
    addResourceList(reqs, r.reqs);
    addResourceList(limits, r.limits);
  }
  const line = (name: string, alloc: number, value: (q: Quantity) => number) => {
    const rq = get(reqs, name);
    const lq = get(limits, name);
    const fr = alloc !== 0 ? percent(value(rq), alloc) : 0;
    const fl = alloc !== 0 ? percent(value(lq), alloc) : 0;
    w.write(1, `${name}\t${rq} (${fr}%)\t${lq} (${fl}%)\n`);
  };
  line('cpu', cpuAlloc, (q) => q.milliValue());
  line('memory', memAlloc, (q) => q.value());
  line('ephemeral-storage', get(allocatable, 'ephemeral-storage').value(), (q) => q.value());
  const names = [...allocatable.keys()];
  for (const name of names.filter(isHugePageResourceName).sort()) line(name, get(allocatable, name).value(), (q) => q.value());
  for (const ext of names.filter((n) => !isHugePageResourceName(n) && !standardContainerResources.has(n) && n !== 'pods').sort()) {
    w.write(1, `${ext}\t${get(reqs, ext)}\t${get(limits, ext)}\n`);
  }
}

/** Taint.ToString: `key=value:effect`, dropping the empty parts. */
const taintToString = (t: { key: string; value?: string; effect: string }) =>
  `${t.key}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}`;

/**
 * Returns exactly what `kubectl describe node` prints. `pods` are the node's non-terminated pods (namespace/name
 * order), `events` the node's events (null with --show-events=false). Pure.
 */
export function describeNode(node: Node, pods: readonly Pod[], events: readonly Event[] | null, { now }: DescribeOptions): string {
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(0, `Name:\t${node.metadata.name}\n`);
    const roles = findNodeRoles(node);
    w.write(0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
    w.write(0, `CreationTimestamp:\t${formatRFC1123Z(node.metadata.creationTimestamp)}\n`);
    // printNodeTaintsMultiline: sorted by "effect,key"
    w.write(0, 'Taints:\t');
    const taints = [...(node.spec.taints ?? [])].sort((a, b) => { const ka = `${a.effect},${a.key}`; const kb = `${b.effect},${b.key}`; return ka < kb ? -1 : ka > kb ? 1 : 0; });
    if (taints.length === 0) w.writeLine('<none>');
    taints.forEach((t, i) => {
      if (i !== 0) w.write(0, '\t');
      w.write(0, `${taintToString(t)}\n`);
    });
    w.write(0, `Unschedulable:\t${node.spec.unschedulable ? 'true' : 'false'}\n`);
    const conditions = node.status.conditions ?? [];
    if (conditions.length) {
      w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(1, `${c.type} \t${c.status} \t${formatRFC1123Z(c.lastHeartbeatTime)} \t${formatRFC1123Z(c.lastTransitionTime)} \t${c.reason} \t${c.message}\n`);
      }
    }
    w.write(0, 'Addresses:\n');
    for (const a of node.status.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
    const printResourceList = (list: Record<string, string>) => {
      for (const name of Object.keys(list).sort()) w.write(0, `  ${name}:\t${parseQuantity(String(list[name])) ?? list[name]}\n`);
    };
    if (Object.keys(node.status.capacity ?? {}).length) { w.write(0, 'Capacity:\n'); printResourceList(node.status.capacity); }
    if (Object.keys(node.status.allocatable ?? {}).length) { w.write(0, 'Allocatable:\n'); printResourceList(node.status.allocatable); }
    const info = node.status.nodeInfo ?? {};
    w.write(0, 'System Info:\n');
    w.write(0, `  Machine ID:\t${info.machineID ?? ''}\n`);
    w.write(0, `  System UUID:\t${info.systemUUID ?? ''}\n`);
    w.write(0, `  Boot ID:\t${info.bootID ?? ''}\n`);
    w.write(0, `  Kernel Version:\t${info.kernelVersion ?? ''}\n`);
    w.write(0, `  OS Image:\t${info.osImage ?? ''}\n`);
    w.write(0, `  Operating System:\t${info.operatingSystem ?? ''}\n`);
    w.write(0, `  Architecture:\t${info.architecture ?? ''}\n`);
    w.write(0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ''}\n`);
    w.write(0, `  Kubelet Version:\t${info.kubeletVersion ?? ''}\n`);
    w.write(0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ''}\n`);
    if (node.spec.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if (node.spec.podCIDRs?.length) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
    if (node.spec.providerID) w.write(0, `ProviderID:\t${node.spec.providerID as string}\n`);
    describeNodeResource(pods, node, w, now);
    if (events) describeEvents(w, events, now);
  });
}
