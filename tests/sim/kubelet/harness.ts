/**
 * One node with one kubelet on a fresh API server, for kubelet scenarios: pods are created with spec.nodeName set
 * (no scheduler), the kubelet has been up for an hour (so probes are not jittered), and images are pre-pulled unless
 * a test says otherwise.
 */
import { createApiServer } from '@/lib/sim/apiserver';
import { createVirtualClock } from '@/lib/sim/clock';
import { createRandom } from '@/lib/sim/random';
import { createEventRecorder } from '@/lib/sim/events';
import { createKubelet } from '@/lib/sim/kubelet/kubelet';
import type { ContainerRuntime } from '@/lib/sim/kubelet/runtime';
import { LAB_START, RESOURCE_TYPES } from '@/lib/sim/cluster';
import type { Container, Event, Node, Pod } from '@/lib/sim/types';

export const NODE = 'node01';

export function nodeObject(memoryKi = 4_005_372): Node {
  const cond = (type: string, status: 'True' | 'False', reason: string, message: string) => ({ type, status, lastHeartbeatTime: '2025-09-08T06:43:00Z', lastTransitionTime: '2025-09-08T06:43:00Z', reason, message });
  return {
    apiVersion: 'v1', kind: 'Node', metadata: { name: NODE },
    spec: { podCIDR: '10.244.1.0/24' },
    status: {
      addresses: [{ type: 'InternalIP', address: '172.30.2.2' }],
      allocatable: { cpu: '2', memory: `${memoryKi - 102_400}Ki`, pods: '110' },
      capacity: { cpu: '2', memory: `${memoryKi}Ki`, pods: '110' },
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      nodeInfo: {},
    },
  };
}

export function createHarness(o: { runtime?: ContainerRuntime; images?: string[]; seed?: number; memoryKi?: number; kubeletAgeMs?: number } = {}) {
  const clock = createVirtualClock(LAB_START - (o.kubeletAgeMs ?? 3_600_000));
  const random = createRandom(o.seed ?? 7);
  const api = createApiServer({ clock, random, types: RESOURCE_TYPES });
  const events = createEventRecorder(api, clock, random);
  api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  api.create('nodes', nodeObject(o.memoryKi));
  const images = o.images ?? ['docker.io/library/nginx:1.12-alpine', 'docker.io/library/busybox:latest', 'docker.io/library/busybox:1.36', 'docker.io/ikubernetes/myapp:v1', 'docker.io/ikubernetes/stress-ng:latest'];
  const kubelet = createKubelet({ api, clock, random, events, nodeName: NODE, nodeIP: '172.30.2.2', podSubnet: '10.244.1', images, runtime: o.runtime });
  clock.advance(LAB_START - clock.now());

  const get = (name: string) => api.find<Pod>('pods', 'default', name);
  const h = {
    clock, api, kubelet,
    /** Creates a pod bound to the node; returns the creation time. */
    create(name: string, containers: Container[], spec: Partial<Pod['spec']> = {}): number {
      api.create<Pod>('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers, nodeName: NODE, ...spec } });
      clock.settle();
      return clock.now();
    },
    get,
    status: (name: string, container?: string) => {
      const p = get(name);
      return [...(p?.status?.containerStatuses ?? []), ...(p?.status?.initContainerStatuses ?? [])].find((c) => !container || c.name === container);
    },
    condition: (name: string, type: string) => get(name)?.status?.conditions?.find((c) => c.type === type),
    events: (name?: string) => api.list<Event>('events', 'default').filter((e) => !name || e.involvedObject.name === name),
    /** Advances until `done` holds (at most `maxMs`); returns the time it held, or throws. */
    until(done: () => boolean, maxMs = 600_000): number {
      if (!clock.advanceUntil(done, maxMs)) throw new Error(`condition not reached within ${maxMs}ms`);
      return clock.now();
    },
  };
  return h;
}
