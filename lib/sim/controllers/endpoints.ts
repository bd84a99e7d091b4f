/**
 * The endpoints controller: keeps each Service's Endpoints object listing the IPs of the Pods it selects, Ready
 * ones in `addresses`, unready ones in `notReadyAddresses`; terminal Pods, Pods without an IP, and Pods that are
 * being deleted drop out at once. A level-triggered reconciler (STYLE.md §3): every change queues the affected
 * Services, and syncService rebuilds their Endpoints from scratch.
 * Models kubernetes pkg/controller/endpoint/endpoints_controller.go syncService, endpointsliceutil
 * ShouldPodBeInEndpoints, podutil.FindPort and pkg/api/v1/endpoints RepackSubsets (v1.34). Addresses sort by IP then
 * UID and ports by the md5 of their spew dump, as upstream. Several subsets (ports served by different sets of pods)
 * upstream sort by an md5 of a dump that includes pointer addresses, so real clusters have no fixed order there;
 * we order them by their ports.
 */
import type { ApiServer } from '../apiserver';
import { clone } from '../apiserver';
import type { VirtualClock } from '../clock';
import type { EndpointAddress, EndpointPort, EndpointSubset, Endpoints, Pod, Service, ServicePort } from '../types';
import { matchesLabels } from '../labels';
import { md5Hex } from '../md5';

const TRIGGER = 'endpoints.kubernetes.io/last-change-trigger-time';

const isTerminal = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const isReady = (p: Pod) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/** Whether a pod belongs in a Service's endpoints at all. Models endpointsliceutil.ShouldPodBeInEndpoints. */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isTerminal(pod)) return false;
  if (!pod.status?.podIP && !pod.status?.podIPs?.length) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** The container port a Service port targets: a number as is, a name looked up in the pod. Models podutil.FindPort. */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec.containers) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return p.containerPort;
  }
  return undefined;
}

const addrKey = (a: EndpointAddress) => `${a.ip}\u0000${a.targetRef?.uid ?? ''}`;
const lessAddr = (a: EndpointAddress, b: EndpointAddress) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : (a.targetRef?.uid ?? '') < (b.targetRef?.uid ?? '') ? -1 : 1);
const portKey = (p: EndpointPort) => `${p.name ?? ''}\u0000${p.port}\u0000${p.protocol ?? ''}`;

/** The md5 DeepHashObject takes of an EndpointPort: spew's `%#v` of the struct (hashutil.DeepHashObject). */
export function endpointPortHash(p: EndpointPort): string {
  return md5Hex(`(v1.EndpointPort){Name:(string)${p.name ?? ''} Port:(int32)${p.port} Protocol:(v1.Protocol)${p.protocol ?? ''} AppProtocol:(*string)<nil>}`);
}

/** Groups (address, port, ready) triples into canonical subsets. Models RepackSubsets; not-ready trumps ready. */
export function repackSubsets(entries: Array<{ addr: EndpointAddress; port: EndpointPort; ready: boolean }>): EndpointSubset[] {
  const byPort = new Map<string, { port: EndpointPort; addrs: Map<string, { addr: EndpointAddress; ready: boolean }> }>();
  for (const { addr, port, ready } of entries) {
    const k = portKey(port);
    const slot = byPort.get(k) ?? { port, addrs: new Map() };
    byPort.set(k, slot);
    const prev = slot.addrs.get(addrKey(addr));
    if (!prev || prev.ready) slot.addrs.set(addrKey(addr), { addr, ready });
  }
  const bySet = new Map<string, { addrs: Array<{ addr: EndpointAddress; ready: boolean }>; ports: EndpointPort[] }>();
  for (const { port, addrs } of byPort.values()) {
    const list = [...addrs.values()].sort((a, b) => lessAddr(a.addr, b.addr));
    const k = list.map((x) => `${addrKey(x.addr)}:${x.ready}`).join('|');
    const group = bySet.get(k) ?? { addrs: list, ports: [] };
    group.ports.push(port);
    bySet.set(k, group);
  }
  const subsets = [...bySet.values()].map(({ addrs, ports }) => {
    const ready = addrs.filter((x) => x.ready).map((x) => x.addr);
    const notReady = addrs.filter((x) => !x.ready).map((x) => x.addr);
    return {
      ...(ready.length ? { addresses: ready } : {}),
      ...(notReady.length ? { notReadyAddresses: notReady } : {}),
      ports: ports.sort((a, b) => (endpointPortHash(a) < endpointPortHash(b) ? -1 : 1)),
    };
  });
  return subsets.sort((a, b) => (JSON.stringify(a.ports) < JSON.stringify(b.ports) ? -1 : 1));
}

/** Starts the controller. Returns a stop function. */
export function createEndpointsController(o: { api: ApiServer; clock: VirtualClock }): () => void {
  const { api, clock } = o;
  const queued = new Set<string>();
  // Trigger-time tracker: what each service last saw of its pods (ComputeEndpointLastChangeTriggerTime).
  const seen = new Map<string, Map<string, string>>();

  function enqueue(ns: string, name: string) {
    const key = `${ns}/${name}`;
    if (queued.has(key)) return;
    queued.add(key);
    clock.after(0, () => { queued.delete(key); syncService(ns, name); });
  }

  function syncService(ns: string, name: string) {
    const svc = api.find<Service>('services', ns, name);
    const current = api.find<Endpoints>('endpoints', ns, name);
    if (!svc) {
      seen.delete(`${ns}/${name}`);
      if (current) api.delete('endpoints', ns, name);
      return;
    }
    if (!svc.spec.selector) return; // selector-less Services get their Endpoints from someone else
    const pods = api.list<Pod>('pods', ns).filter((p) => matchesLabels(svc.spec.selector!, p.metadata.labels));
    const entries: Array<{ addr: EndpointAddress; port: EndpointPort; ready: boolean }> = [];
    const tracker = new Map<string, string>();
    let trigger: string | undefined;
    const consider = (t: string | undefined) => { if (t && (!trigger || t < trigger)) trigger = t; };
    const before = seen.get(`${ns}/${name}`);
    if (!before) consider(svc.metadata.creationTimestamp);
    for (const pod of pods) {
      const readyAt = pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime ?? pod.metadata.creationTimestamp!;
      tracker.set(pod.metadata.uid!, readyAt);
      if (before && before.get(pod.metadata.uid!) !== readyAt) consider(readyAt);
      if (!shouldPodBeInEndpoints(pod, svc.spec.publishNotReadyAddresses === true)) continue;
      const addr: EndpointAddress = {
        ip: pod.status!.podIP!, nodeName: pod.spec.nodeName,
        targetRef: { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
      };
      for (const sp of svc.spec.ports ?? []) {
        const port = findPort(pod, sp);
        if (port === undefined) continue;
        entries.push({ addr, port: { ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP' }, ready: svc.spec.publishNotReadyAddresses === true || isReady(pod) });
      }
    }
    seen.set(`${ns}/${name}`, tracker);
    const subsets = repackSubsets(entries);
    const labels = svc.metadata.labels;
    if (current && JSON.stringify(current.subsets ?? []) === JSON.stringify(subsets) && JSON.stringify(current.metadata.labels) === JSON.stringify(labels)) return;
    const next: Endpoints = current ? clone(current) : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: ns } };
    next.subsets = subsets.length ? subsets : undefined;
    if (!next.subsets) delete next.subsets;
    if (labels) next.metadata.labels = { ...labels };
    else delete next.metadata.labels;
    const annotations = { ...(next.metadata.annotations ?? {}) };
    if (trigger) annotations[TRIGGER] = trigger;
    else delete annotations[TRIGGER];
    if (Object.keys(annotations).length) next.metadata.annotations = annotations;
    else delete next.metadata.annotations;
    if (current) api.update('endpoints', next);
    else api.create('endpoints', next);
  }

  const stopSvc = api.watch('services', ({ object }) => enqueue(object.metadata.namespace!, object.metadata.name!));
  // A pod's Services before and after a change both need a sync (getPodServiceMemberships of old and new).
  const memberships = new Map<string, string[]>();
  const stopPods = api.watch('pods', ({ type, object }) => {
    const pod = object as Pod;
    const now = api.list<Service>('services', pod.metadata.namespace)
      .filter((svc) => svc.spec.selector && matchesLabels(svc.spec.selector, pod.metadata.labels))
      .map((svc) => svc.metadata.name!);
    for (const name of new Set([...(memberships.get(pod.metadata.uid!) ?? []), ...now])) enqueue(pod.metadata.namespace!, name);
    if (type === 'DELETED') memberships.delete(pod.metadata.uid!);
    else memberships.set(pod.metadata.uid!, now);
  });
  return () => { stopSvc(); stopPods(); };
}
