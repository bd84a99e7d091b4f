import type { Endpoints, Event, Service } from '@/lib/sim/types';
import { formatEndpoints, makePortString, printEvent, printService, printServiceWide } from '@/lib/kubectl/printers/resources';
import { isLess, naturalLess, relaxedJSONPathExpression, printCustomColumns, parseCustomColumnsSpec } from '@/lib/kubectl/printers/custom-columns';

const NOW = Date.parse('2025-09-01T09:05:00Z');
const ago = (s: number) => new Date(NOW - s * 1000).toISOString();

const svc = (spec: Service['spec'], status?: Service['status']): Service => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc1', creationTimestamp: ago(60) }, spec, status });

// Re-expressed from kubernetes pkg/printers/internalversion/printers_test.go TestPrintService (v1.34).
describe('printService (TestPrintService)', () => {
  test.each<[string, Service, string[]]>([
    ['a ClusterIP service with one port', svc({ type: 'ClusterIP', ports: [{ protocol: 'TCP', port: 2233 }], clusterIPs: ['10.9.8.7'], selector: { foo: 'bar' } }),
      ['svc1', 'ClusterIP', '10.9.8.7', '<none>', '2233/TCP', '60s', 'foo=bar']],
    ['a NodePort service', svc({ type: 'NodePort', ports: [{ protocol: 'TCP', port: 8888, nodePort: 9999 }], clusterIPs: ['10.9.8.7'] }),
      ['svc1', 'NodePort', '10.9.8.7', '<none>', '8888:9999/TCP', '60s', '<none>']],
    ['a LoadBalancer without ingress is pending', svc({ type: 'LoadBalancer', ports: [{ protocol: 'TCP', port: 8888 }], clusterIPs: ['10.9.8.7'] }),
      ['svc1', 'LoadBalancer', '10.9.8.7', '<pending>', '8888/TCP', '60s', '<none>']],
    ['a LoadBalancer with ingress and external IPs', svc({ type: 'LoadBalancer', ports: [{ protocol: 'TCP', port: 8888 }], clusterIPs: ['10.9.8.7'], externalIPs: ['80.11.12.10'] }, { loadBalancer: { ingress: [{ ip: '3.4.5.6' }] } }),
      ['svc1', 'LoadBalancer', '10.9.8.7', '3.4.5.6,80.11.12.10', '8888/TCP', '60s', '<none>']],
    ['an ExternalName service', svc({ type: 'ExternalName', externalName: 'my.database.example.com' }),
      ['svc1', 'ExternalName', '<none>', 'my.database.example.com', '<none>', '60s', '<none>']],
  ])('%s', (_, s, want) => {
    expect(printService(s, NOW)).toEqual(want);
  });

  test('the load balancer list is cut at 16 characters unless wide', () => {
    const s = svc({ type: 'LoadBalancer', ports: [{ protocol: 'TCP', port: 80 }], clusterIPs: ['10.9.8.7'] }, { loadBalancer: { ingress: [{ ip: '4.5.6.7' }, { ip: '2.3.4.5' }, { ip: '3.4.5.6' }] } });
    expect(printService(s, NOW)[3]).toBe('2.3.4.5,3.4.5...');
    expect(printServiceWide(s, NOW)[3]).toBe('2.3.4.5,3.4.5.6,4.5.6.7');
  });

  test('ports join with commas', () => {
    expect(makePortString([{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }])).toBe('53/UDP,53/TCP');
  });
});

// Re-expressed from printers_test.go TestPrintEndpoint / formatEndpoints.
describe('formatEndpoints', () => {
  const ep = (subsets: Endpoints['subsets']): Endpoints => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e' }, subsets });
  test.each<[string, Endpoints, string]>([
    ['no subsets', ep(undefined), '<none>'],
    ['one address, one port', ep([{ addresses: [{ ip: '127.0.0.1' }], ports: [{ port: 8001, protocol: 'TCP' }] }]), '127.0.0.1:8001'],
    ['headless, no ports', ep([{ addresses: [{ ip: '1.2.3.4' }, { ip: '5.6.7.8' }] }]), '1.2.3.4,5.6.7.8'],
    ['two ports, two addresses: three then how many more', ep([{ addresses: [{ ip: '1.2.3.4' }, { ip: '5.6.7.8' }], ports: [{ port: 8001 }, { port: 8002 }] }]), '1.2.3.4:8001,5.6.7.8:8001,1.2.3.4:8002 + 1 more...'],
    ['IPv6 addresses are bracketed', ep([{ addresses: [{ ip: '::1' }], ports: [{ port: 80 }] }]), '[::1]:80'],
    ['only not-ready addresses', ep([{ notReadyAddresses: [{ ip: '1.2.3.4' }], ports: [{ port: 80 }] }]), '<none>'],
  ])('%s', (_, e, want) => {
    expect(formatEndpoints(e)).toBe(want);
  });
});

// Re-expressed from printers_test.go TestPrintEvent.
describe('printEvent (TestPrintEvent)', () => {
  const base: Event = {
    apiVersion: 'v1', kind: 'Event', metadata: { name: 'event1' }, involvedObject: { kind: 'Pod', name: 'p', fieldPath: 'spec.containers{foo}' },
    reason: 'Event Reason', message: 'Message Data', source: { component: 'kubelet', host: 'Node1' }, firstTimestamp: ago(3 * 86400), lastTimestamp: ago(2 * 86400),
    count: 6, type: 'Normal', eventTime: null, reportingComponent: '', reportingInstance: '',
  };
  test('a legacy event', () => {
    expect(printEvent(base, NOW)).toEqual(['2d', 'Normal', 'Event Reason', 'pod/p', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', '6', 'event1']);
  });
  test('an events.k8s.io event: eventTime for both ages, reporting controller as source, count 1', () => {
    const e = { ...base, source: {}, firstTimestamp: null, lastTimestamp: null, count: undefined, eventTime: ago(5), reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-cp' };
    expect(printEvent(e, NOW)).toEqual(['5s', 'Normal', 'Event Reason', 'pod/p', 'spec.containers{foo}', 'default-scheduler, default-scheduler-cp', 'Message Data', '5s', '1', 'event1']);
  });
  test('a series overrides LAST SEEN and COUNT', () => {
    const e = { ...base, series: { count: 42, lastObservedTime: ago(1) } };
    expect(printEvent(e, NOW).slice(0, 1).concat(printEvent(e, NOW)[8])).toEqual(['1s', '42']);
  });
  test('an object without a name prints its kind alone', () => {
    expect(printEvent({ ...base, involvedObject: { kind: 'Node' } }, NOW)[3]).toBe('node');
  });
});

// Re-expressed from cli-runtime printers/customcolumn_test.go and kubectl get/sorter_test.go (v1.34).
describe('custom columns and sorting', () => {
  test.each<[string, string]>([
    ['.metadata.name', '{.metadata.name}'], ['metadata.name', '{.metadata.name}'], ['{metadata.name}', '{.metadata.name}'], ['{.metadata.name}', '{.metadata.name}'],
  ])('%s is relaxed to %s', (input, want) => {
    expect(relaxedJSONPathExpression(input)).toBe(want);
  });

  test('an expression with unbalanced braces is refused', () => {
    expect(() => relaxedJSONPathExpression('{.metadata.name')).toThrow("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  });

  test('missing values print <none>, several values join with commas', () => {
    const cols = parseCustomColumnsSpec('NAME:.metadata.name,PORTS:.spec.ports[*].port,X:.nope');
    expect(printCustomColumns(cols, [{ metadata: { name: 'a' }, spec: { ports: [{ port: 80 }, { port: 443 }] } }], false)).toBe('NAME   PORTS    X\na      80,443   <none>\n');
  });

  test.each<[string, string, boolean]>([
    ['a', 'b', true], ['b', 'a', false], ['a2', 'a10', true], ['a10', 'a2', false], ['a01', 'a1', false], ['a1', 'a01', true], ['1a', 'a', true], ['', 'a', true],
  ])('NaturalLess(%j, %j) = %s', (a, b, want) => {
    expect(naturalLess(a, b)).toBe(want);
  });

  test('quantities sort by value, not text', () => {
    expect(isLess('64Mi', '1Gi')).toBe(true);
    expect(isLess('500m', '2')).toBe(true);
  });
});
