/**
 * A whole simulated cluster: one clock, one random source, the API server, the scheduler and a kubelet per node,
 * wired like a fresh kubeadm v1.34 cluster (a tainted control-plane node and two workers, the static control-plane
 * pods, kube-proxy on every node and two CoreDNS replicas). The cluster boots a week before the lab starts, on the
 * same clock, so its system pods went through the same creation flow as the learner's.
 */
import { createApiServer, type ApiServer, type ResourceType } from './apiserver';
import { createVirtualClock, type VirtualClock } from './clock';
import { createRandom, type Random, K8S_RAND_ALPHABET } from './random';
import { createEventRecorder, type EventRecorder } from './events';
import { createScheduler } from './scheduler';
import { createKubelet, type Kubelet } from './kubelet/kubelet';
import type { HttpResult } from './runtime/types';
import type { ApiServer as Api, WatchEvent } from './apiserver';
import { podStrategy } from './pods/strategy';
import { serviceStrategy } from './services';
import { createEndpointsController } from './controllers/endpoints';
import { createNodeLifecycle, type NodeLifecycle } from './controllers/node-lifecycle';
import type { Container, Endpoints, KubeObject, Namespace, Node, Pod, Service } from './types';
import { rfc3339 } from './time';

/** When every lab starts: Monday 15 September 2025, 09:00 UTC (Kubernetes v1.34 was current). */
export const LAB_START = Date.UTC(2025, 8, 15, 9, 0, 0);
const BOOT_AGE_MS = 7 * 24 * 3600_000 + 2 * 3600_000 + 17 * 60_000;

export const RESOURCE_TYPES: ResourceType[] = [
  { resource: 'pods', kind: 'Pod', singular: 'pod', shortNames: ['po'], namespaced: true, apiVersion: 'v1', strategy: podStrategy as never },
  { resource: 'nodes', kind: 'Node', singular: 'node', shortNames: ['no'], namespaced: false, apiVersion: 'v1' },
  { resource: 'namespaces', kind: 'Namespace', singular: 'namespace', shortNames: ['ns'], namespaced: false, apiVersion: 'v1' },
  { resource: 'events', kind: 'Event', singular: 'event', shortNames: ['ev'], namespaced: true, apiVersion: 'v1' },
  { resource: 'services', kind: 'Service', singular: 'service', shortNames: ['svc'], namespaced: true, apiVersion: 'v1', strategy: serviceStrategy as never },
  { resource: 'endpoints', kind: 'Endpoints', singular: 'endpoints', shortNames: ['ep'], namespaced: true, apiVersion: 'v1' },
];

export interface Cluster {
  readonly clock: VirtualClock;
  readonly random: Random;
  readonly api: ApiServer;
  readonly events: EventRecorder;
  /** Node heartbeats and the node lifecycle / taint eviction controllers (fault injection goes through it). */
  readonly nodes: NodeLifecycle;
  /** Each node's kubelet, by node name: exec, logs and metrics go through them, as through the kubelet's API. */
  readonly kubelets: ReadonlyMap<string, Kubelet>;
}

/**
 * What a kubelet on an unreachable node can do to the cluster: nothing. Its writes and events are lost and it misses
 * watch events. When the node is back, its informers re-list and deliver what changed meanwhile (`resync`), as a
 * reconnecting kubelet's do.
 */
function gateWhileUnreachable(api: Api, events: EventRecorder, nodeName: string, up: () => boolean) {
  // Writes from an unreachable kubelet never arrive. They are dropped, and the kubelet is answered as if the
  // server had taken them (its own view moves on; the resync on return reconciles it with the real state).
  const lost = <F extends (...a: never[]) => unknown>(fn: F, answer: (...a: Parameters<F>) => unknown): F => ((...a: Parameters<F>) => (up() ? fn(...a) : answer(...a))) as F;
  const asSent = (_resource: string, obj: KubeObject) => obj;
  const asStored = (resource: string, ns: string | undefined, name: string) => api.find(resource, ns, name);
  const podWatchers: Array<(e: WatchEvent) => void> = [];
  const delivered = new Map<string, KubeObject>(); // pods of this node the kubelet has heard of, by uid
  return {
    api: {
      ...api,
      create: lost(api.create, asSent), update: lost(api.update, asSent), updateStatus: lost(api.updateStatus, asSent),
      patch: lost(api.patch, asStored), delete: lost(api.delete, asStored), bindPod: lost(api.bindPod, asStored),
      watch: (resource: string, fn: (e: WatchEvent) => void) => {
        if (resource === 'pods') podWatchers.push(fn);
        return api.watch(resource, (e) => {
          if (!up()) return;
          if (resource === 'pods' && (e.object as Pod).spec.nodeName === nodeName) {
            if (e.type === 'DELETED') delivered.delete(e.object.metadata.uid!);
            else delivered.set(e.object.metadata.uid!, e.object);
          }
          fn(e);
        });
      },
    } as Api,
    events: { record: (o, e) => { if (up()) events.record(o, e); }, recordNew: (o, e) => { if (up()) events.recordNew(o, e); } } as EventRecorder,
    resync() {
      const now = new Map(api.list<Pod>('pods').filter((p) => p.spec.nodeName === nodeName).map((p) => [p.metadata.uid!, p as KubeObject]));
      const changes: WatchEvent[] = [];
      for (const [uid, obj] of delivered) if (!now.has(uid)) changes.push({ type: 'DELETED', object: obj });
      for (const obj of now.values()) changes.push({ type: delivered.has(obj.metadata.uid!) ? 'MODIFIED' : 'ADDED', object: obj });
      delivered.clear();
      for (const [uid, obj] of now) delivered.set(uid, obj);
      for (const e of changes) for (const fn of podWatchers) fn(e);
    },
  };
}

interface NodeSpec { name: string; ip: string; subnet: string; controlPlane: boolean; cpu: string; memoryKi: number }

const NODES: NodeSpec[] = [
  { name: 'controlplane', ip: '172.30.1.2', subnet: '10.244.0', controlPlane: true, cpu: '2', memoryKi: 4_005_372 },
  { name: 'node01', ip: '172.30.2.2', subnet: '10.244.1', controlPlane: false, cpu: '2', memoryKi: 4_005_372 },
  { name: 'node02', ip: '172.30.2.3', subnet: '10.244.2', controlPlane: false, cpu: '2', memoryKi: 4_005_372 },
];

function nodeObject(n: NodeSpec, now: number): Node {
  const ts = rfc3339(now);
  const cond = (type: string, status: 'True' | 'False', reason: string, message: string) => ({ type, status, lastHeartbeatTime: ts, lastTransitionTime: ts, reason, message });
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: {
      name: n.name,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      labels: {
        'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': n.name, 'kubernetes.io/os': 'linux',
        ...(n.controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
      },
    },
    spec: {
      podCIDR: `${n.subnet}.0/24`, podCIDRs: [`${n.subnet}.0/24`],
      ...(n.controlPlane ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] } : {}),
    },
    status: {
      addresses: [{ type: 'InternalIP', address: n.ip }, { type: 'Hostname', address: n.name }],
      allocatable: { cpu: n.cpu, 'ephemeral-storage': '18698430040', 'hugepages-2Mi': '0', memory: `${n.memoryKi - 102_400}Ki`, pods: '110' },
      capacity: { cpu: n.cpu, 'ephemeral-storage': '20289716Ki', 'hugepages-2Mi': '0', memory: `${n.memoryKi}Ki`, pods: '110' },
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64', bootID: '', containerRuntimeVersion: 'containerd://2.1.3', kernelVersion: '6.8.0-79-generic',
        kubeProxyVersion: '', kubeletVersion: 'v1.34.1', machineID: '', operatingSystem: 'linux', osImage: 'Ubuntu 24.04.3 LTS', systemUUID: '',
      },
    },
  };
}

const controlPlaneTolerations = [{ effect: 'NoExecute', operator: 'Exists' }];
function systemPod(name: string, node: string | undefined, containers: Container[], extra: Partial<Pod['spec']> = {}, labels: Record<string, string> = {}): Pod {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'kube-system', labels },
    spec: { containers, ...(node ? { nodeName: node } : {}), priorityClassName: 'system-node-critical', priority: 2000001000, ...extra },
  };
}

/** The node lifecycle handle, usable before the controller starts (kubelets are created first, as in a cluster). */
function createNodeLifecycleLater(): NodeLifecycle & { start(n: NodeLifecycle): void; onReturn(node: string, fn: () => void): void } {
  let impl: NodeLifecycle | undefined;
  const returns = new Map<string, () => void>();
  return {
    start(n) { impl = n; },
    onReturn(node, fn) { returns.set(node, fn); },
    setReachable: (node, r) => {
      const was = impl?.reachable(node) ?? true;
      impl?.setReachable(node, r);
      if (r && !was) returns.get(node)?.();
    },
    reachable: (node) => impl?.reachable(node) ?? true,
    stop: () => impl?.stop(),
  };
}

/** Creates a cluster whose clock reads LAB_START (or `start`), with the system pods running. */
export function createCluster(opts: { seed?: number; start?: number } = {}): Cluster {
  const start = opts.start ?? LAB_START;
  const clock = createVirtualClock(start - BOOT_AGE_MS);
  const random = createRandom(opts.seed ?? 1);
  const api = createApiServer({ clock, random, types: RESOURCE_TYPES });
  const events = createEventRecorder(api, clock, random);

  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    api.create<Namespace>('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
  }
  const kubelets = new Map<string, Kubelet>();
  const nodes = createNodeLifecycleLater();
  /**
   * The pod network as containers see it (kube-proxy + CNI): a pod IP reaches that pod; a Service's cluster IP
   * reaches one of its ready endpoints, taken in turn (kube-proxy picks at random; turn-taking keeps runs repeatable).
   */
  const turns = new Map<string, number>();
  const network = {
    httpGet(host: string, port: number, path: string, headers: Record<string, string>, from: string): HttpResult | undefined {
      let target = host, targetPort = port;
      const svc = api.list<Service>('services').find((s) => s.spec.clusterIP === host);
      if (svc) {
        const sp = svc.spec.ports?.find((p) => p.port === port);
        const ep = api.find<Endpoints>('endpoints', svc.metadata.namespace, svc.metadata.name!);
        const backends = (ep?.subsets ?? []).flatMap((sub) => (sub.addresses ?? []).flatMap((a) => (sub.ports ?? []).filter((p) => !sp?.name || p.name === sp.name).map((p) => ({ ip: a.ip, port: p.port }))));
        if (!sp || backends.length === 0) return { error: 'connection refused', durationMs: 1 };
        const i = turns.get(svc.metadata.uid!) ?? 0;
        turns.set(svc.metadata.uid!, i + 1);
        ({ ip: target, port: targetPort } = backends[i % backends.length]);
      }
      const pod = api.list<Pod>('pods').find((p) => p.status?.podIP === target && !p.spec.hostNetwork);
      if (!pod?.spec.nodeName || !nodes.reachable(pod.spec.nodeName)) return undefined;
      return kubelets.get(pod.spec.nodeName)?.containerProcess(pod.metadata.namespace!, pod.metadata.name!)?.request?.({ port: targetPort, path, headers, from })
        ?? kubelets.get(pod.spec.nodeName)?.containerProcess(pod.metadata.namespace!, pod.metadata.name!)?.httpGet(targetPort, path, headers);
    },
  };
  for (const n of NODES) {
    api.create('nodes', nodeObject(n, clock.now()));
    const gated = gateWhileUnreachable(api, events, n.name, () => nodes.reachable(n.name));
    kubelets.set(n.name, createKubelet({ api: gated.api, clock, random, events: gated.events, nodeName: n.name, nodeIP: n.ip, podSubnet: n.subnet, network }));
    nodes.onReturn(n.name, () => gated.resync());
  }
  createScheduler({ api, clock, random, events });
  createEndpointsController({ api, clock });
  nodes.start(createNodeLifecycle({ api, clock, events }));

  // The `kubernetes` Service and its Endpoints are kept by kube-apiserver itself (its endpoint reconciler).
  api.create<Service>('services', {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
  });
  api.create<Endpoints>('endpoints', {
    apiVersion: 'v1', kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: NODES[0].ip }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  });
  api.create<Service>('services', {
    apiVersion: 'v1', kind: 'Service',
    metadata: {
      name: 'kube-dns', namespace: 'kube-system',
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
    },
    spec: {
      clusterIP: '10.96.0.10', selector: { 'k8s-app': 'kube-dns' },
      ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }, { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 }, { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 }],
    },
  });

  const cp = 'controlplane';
  const staticPod = (component: string, image: string, cpu: string) =>
    systemPod(`${component}-${cp}`, cp, [{ name: component, image, resources: { requests: { cpu } } }],
      { hostNetwork: true, tolerations: controlPlaneTolerations, priorityClassName: 'system-node-critical' }, { component, tier: 'control-plane' });
  api.create('pods', staticPod('etcd', 'registry.k8s.io/etcd:3.6.4-0', '100m'));
  api.create('pods', staticPod('kube-apiserver', 'registry.k8s.io/kube-apiserver:v1.34.1', '250m'));
  api.create('pods', staticPod('kube-controller-manager', 'registry.k8s.io/kube-controller-manager:v1.34.1', '200m'));
  api.create('pods', staticPod('kube-scheduler', 'registry.k8s.io/kube-scheduler:v1.34.1', '100m'));
  for (const n of NODES) {
    api.create('pods', systemPod(`kube-proxy-${random.chars(5, K8S_RAND_ALPHABET)}`, n.name,
      [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.34.1', command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', `--hostname-override=${n.name}`] }],
      { hostNetwork: true, tolerations: [{ operator: 'Exists' }] }, { 'controller-revision-hash': '66b6d87bb6', 'k8s-app': 'kube-proxy', 'pod-template-generation': '1' }));
  }
  const rs = `coredns-${random.chars(10, K8S_RAND_ALPHABET)}`;
  for (let i = 0; i < 2; i++) {
    api.create('pods', systemPod(`${rs}-${random.chars(5, K8S_RAND_ALPHABET)}`, undefined,
      [{ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.12.1', args: ['-conf', '/etc/coredns/Corefile'], resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } } }],
      { priorityClassName: 'system-cluster-critical', priority: 2000000000, tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] },
      { 'k8s-app': 'kube-dns', 'pod-template-hash': rs.slice('coredns-'.length) }));
  }

  clock.runUntilQuiet(10 * 60_000);
  // Events live for an hour (kube-apiserver --event-ttl); the boot's are long gone by the time the lab starts.
  for (const e of api.list('events')) api.delete('events', e.metadata.namespace, e.metadata.name!);
  // The week between the boot and the lab is quiet: skip it rather than simulate every heartbeat and probe in it.
  clock.skip(start - clock.now());
  return { clock, random, api, events, nodes, kubelets };
}
