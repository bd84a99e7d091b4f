import type { Container, Pod } from '@/lib/sim/types';
import { podRequestsAndLimits } from '@/lib/kubectl/printers/describe-node';
import { formatEndpointSlices } from '@/lib/kubectl/printers/describe-service';

const c = (name: string, requests: Record<string, string>, limits: Record<string, string> = {}, restartPolicy?: string): Container =>
  ({ name, resources: { requests, limits }, ...(restartPolicy ? { restartPolicy } : {}) });
const pod = (containers: Container[], initContainers: Container[] = []): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers, initContainers } });
const str = (l: Map<string, { toString(): string }>) => Object.fromEntries([...l].map(([k, v]) => [k, v.toString()]));

// Re-expressed from kubernetes staging/src/k8s.io/kubectl/pkg/util/resource/resource_test.go (v1.34).
describe('podRequestsAndLimits (what describe node adds up)', () => {
  test('containers are summed', () => {
    const { reqs, limits } = podRequestsAndLimits(pod([c('a', { cpu: '100m', memory: '64Mi' }, { cpu: '200m' }), c('b', { cpu: '150m', memory: '1Gi' })]));
    expect(str(reqs)).toEqual({ cpu: '250m', memory: '1088Mi' });
    expect(str(limits)).toEqual({ cpu: '200m' });
  });
  test('a larger init container wins over the sum of containers', () => {
    expect(str(podRequestsAndLimits(pod([c('a', { cpu: '100m' })], [c('init', { cpu: '500m' })])).reqs)).toEqual({ cpu: '500m' });
  });
  test('sidecars (restartable init containers) add to the containers and to later init containers', () => {
    const p = pod([c('a', { cpu: '100m' })], [c('sidecar', { cpu: '200m' }, {}, 'Always'), c('init', { cpu: '250m' })]);
    expect(str(podRequestsAndLimits(p).reqs)).toEqual({ cpu: '450m' });
  });
});

describe('formatEndpointSlices (describe service Endpoints:)', () => {
  const ep = (ips: string[], notReady: string[] = []) => ({ apiVersion: 'v1' as const, kind: 'Endpoints' as const, metadata: { name: 'e' },
    subsets: [{ addresses: ips.map((ip) => ({ ip })), notReadyAddresses: notReady.map((ip) => ({ ip })), ports: [{ name: 'http', port: 80 }] }] });
  test('no slice reads <none>; an empty one reads nothing', () => {
    expect(formatEndpointSlices(undefined, 'http')).toBe('<none>');
    expect(formatEndpointSlices({ ...ep([]), subsets: [] }, 'http')).toBe('');
  });
  test('three endpoints, then how many more; not-ready ones count, as a slice lists them', () => {
    expect(formatEndpointSlices(ep(['10.0.0.1', '10.0.0.2'], ['10.0.0.3', '10.0.0.4']), 'http')).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 1 more...');
  });
  test('only the service port of the same name', () => {
    expect(formatEndpointSlices(ep(['10.0.0.1']), 'metrics')).toBe('');
  });
});
