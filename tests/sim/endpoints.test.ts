import { createCluster } from '@/lib/sim/cluster';
import { repackSubsets } from '@/lib/sim/controllers/endpoints';
import { md5Hex } from '@/lib/sim/md5';
import { clone } from '@/lib/sim/apiserver';
import type { Endpoints, Pod, Service } from '@/lib/sim/types';

const web = (name: string, labels = { app: 'web' }): Pod => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, labels },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.12-alpine', ports: [{ name: 'http', containerPort: 80 }] }] },
});
const svc: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } };

function setup() {
  const c = createCluster({ seed: 3 });
  const ep = () => c.api.find<Endpoints>('endpoints', 'default', 'web');
  const ips = () => (ep()?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.targetRef?.name));
  const notReady = () => (ep()?.subsets ?? []).flatMap((s) => (s.notReadyAddresses ?? []).map((a) => a.targetRef?.name));
  return { c, ep, ips, notReady };
}

describe('Services and their Endpoints', () => {
  test('a Service gets a cluster IP from 10.96.0.0/12 and the apiserver defaults', () => {
    const { c } = setup();
    const s = c.api.create<Service>('services', svc);
    expect(s.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(s.spec).toMatchObject({ type: 'ClusterIP', sessionAffinity: 'None', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster' });
    expect(s.spec.ports?.[0]).toEqual({ port: 80, targetPort: 'http', protocol: 'TCP' });
  });

  test('a pod is listed once Ready, on its named container port, with node and targetRef', () => {
    const { c, ep, ips } = setup();
    c.api.create('services', svc);
    c.api.create('pods', web('a'));
    c.clock.settle();
    expect(ips()).toEqual([]);
    c.clock.advance(30_000);
    expect(ips()).toEqual(['a']);
    const sub = ep()!.subsets![0];
    expect(sub.ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    const pod = c.api.get<Pod>('pods', 'default', 'a');
    expect(sub.addresses![0]).toEqual({ ip: pod.status!.podIP, nodeName: pod.spec.nodeName, targetRef: { kind: 'Pod', name: 'a', namespace: 'default', uid: pod.metadata.uid } });
  });

  test('a pod leaves the endpoints the moment it starts terminating, before it is gone', () => {
    const { c, ips } = setup();
    c.api.create('services', svc);
    c.api.create('pods', web('a'));
    c.clock.advance(30_000);
    c.api.delete('pods', 'default', 'a');
    c.clock.settle();
    expect(c.api.find('pods', 'default', 'a')).toBeDefined();
    expect(ips()).toEqual([]);
  });

  test('an unready pod is kept apart in notReadyAddresses; relabelling a pod removes it', () => {
    const { c, ips, notReady } = setup();
    c.api.create('services', svc);
    c.api.create('pods', web('a'));
    c.api.create('pods', web('b'));
    c.clock.advance(30_000);
    const a = clone(c.api.get<Pod>('pods', 'default', 'a'));
    a.status!.conditions = a.status!.conditions!.map((x) => (x.type === 'Ready' ? { ...x, status: 'False' as const } : x));
    c.api.updateStatus('pods', a);
    c.clock.settle();
    expect(ips()).toEqual(['b']);
    expect(notReady()).toEqual(['a']);
    const b = clone(c.api.get<Pod>('pods', 'default', 'b'));
    b.metadata.labels = { app: 'other' };
    c.api.update('pods', b);
    c.clock.settle();
    expect(ips()).toEqual([]);
  });

  test('a fresh cluster has the kubernetes and kube-dns Services, with CoreDNS behind kube-dns', () => {
    const { c } = setup();
    expect(c.api.get<Service>('services', 'default', 'kubernetes').spec.clusterIP).toBe('10.96.0.1');
    const dns = c.api.get<Endpoints>('endpoints', 'kube-system', 'kube-dns');
    expect(dns.subsets?.[0].addresses).toHaveLength(2);
    // The order upstream's md5-of-spew sort gives, and the one real kubeadm clusters show.
    expect(dns.subsets?.[0].ports?.map((p) => `${p.name}/${p.port}/${p.protocol}`)).toEqual(['dns-tcp/53/TCP', 'dns/53/UDP', 'metrics/9153/TCP']);
  });

  test('repackSubsets: not-ready trumps ready for the same address and port, addresses sort by IP', () => {
    const a = { ip: '10.0.0.2' }, b = { ip: '10.0.0.10' };
    const port = { port: 80, protocol: 'TCP' };
    expect(repackSubsets([{ addr: a, port, ready: true }, { addr: b, port, ready: true }, { addr: a, port, ready: false }])).toEqual([
      { addresses: [b], notReadyAddresses: [a], ports: [port] },
    ]);
  });
});

describe('upstream hashing', () => {
  // Hashes produced by go-spew + crypto/md5 in Go (hashutil.DeepHashObject) for a struct in package main;
  // the simulator hashes the same text with package v1, as the real EndpointPort is named.
  test.each([
    ['(main.EndpointPort){Name:(string)dns Port:(int32)53 Protocol:(main.Protocol)UDP AppProtocol:(*string)<nil>}', 'e821c319929299985402fa73d4ab413d'],
    ['(main.EndpointPort){Name:(string)dns-tcp Port:(int32)53 Protocol:(main.Protocol)TCP AppProtocol:(*string)<nil>}', '01e5350937615dcbb6221db95df181ac'],
    ['(main.EndpointPort){Name:(string) Port:(int32)80 Protocol:(main.Protocol)TCP AppProtocol:(*string)<nil>}', '2eb407f28a09d45a4197d16938fda721'],
  ])('md5 of %s', (text, hex) => {
    expect(md5Hex(text)).toBe(hex);
  });
});
