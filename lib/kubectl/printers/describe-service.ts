/**
 * `kubectl describe service`. Models kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go describeService
 * and formatEndpointSlices (v1.34). The simulator serves core/v1 Endpoints, not EndpointSlices; the slice the
 * EndpointSlice controller would write is read off them (ready and not-ready addresses alike, as a slice lists both).
 */
import type { Endpoints, Event, Service } from '@/lib/sim/types';
import { describeEvents, newPrefixWriter, printAnnotationsMultiline, printLabelsMultiline, type DescribeOptions } from './describe-pod';
import { formatLabels } from './table';
import { tabbedString } from './tabwriter';

/** Go's net.JoinHostPort. */
const joinHostPort = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/**
 * describe.go formatEndpointSlices for the slice mirrored from `endpoints`: at most three `ip:port`, then
 * `+ N more...`; `<none>` without a slice, '' for a slice with no endpoints. `portName` picks the service port.
 */
export function formatEndpointSlices(endpoints: Endpoints | undefined, portName: string): string {
  if (!endpoints) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of endpoints.subsets ?? []) {
    const addrs = [...(ss.addresses ?? []), ...(ss.notReadyAddresses ?? [])].map((a) => a.ip);
    if (!ss.ports?.length) {
      for (const a of addrs) {
        if (list.length === max) more = true;
        if (!more) list.push(a);
        count++;
      }
      continue;
    }
    for (const port of ss.ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const a of addrs) {
        if (list.length === max) more = true;
        if (!more) list.push(joinHostPort(a, port.port));
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

/** Returns exactly what `kubectl describe service` prints. `endpoints` is the Service's Endpoints object, if any. Pure. */
export function describeService(service: Service, endpoints: Endpoints | undefined, events: readonly Event[] | null, { now }: DescribeOptions): string {
  const spec = service.spec;
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(0, `Name:\t${service.metadata.name ?? ''}\n`);
    w.write(0, `Namespace:\t${service.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', service.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', service.metadata.annotations);
    w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
    w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
    if (spec.clusterIPs?.length) w.write(0, `IPs:\t${spec.clusterIPs.join(',')}\n`);
    const externalIPs = (spec.externalIPs as string[] | undefined) ?? [];
    if (externalIPs.length) w.write(0, `External IPs:\t${externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(0, `IP:\t${spec.loadBalancerIP as string}\n`);
    if (spec.loadBalancerClass) w.write(0, `LoadBalancer Class:\t${spec.loadBalancerClass as string}\n`);
    const ingress = (service.status?.loadBalancer as { ingress?: Array<{ ip?: string; hostname?: string }> } | undefined)?.ingress ?? [];
    // describe.go buildIngressString
    if (ingress.length) w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => i.ip || i.hostname || '').join(', ')}\n`);
    if (spec.externalName) w.write(0, `External Name:\t${spec.externalName as string}\n`);
    for (const sp of spec.ports ?? []) {
      const name = sp.name || '<unset>';
      w.write(0, `Port:\t${name}\t${sp.port}/${sp.protocol}\n`);
      w.write(0, `TargetPort:\t${sp.targetPort}/${sp.protocol}\n`);
      if (sp.nodePort) w.write(0, `NodePort:\t${name}\t${sp.nodePort}/${sp.protocol}\n`);
      w.write(0, `Endpoints:\t${formatEndpointSlices(endpoints, sp.name ?? '')}\n`);
    }
    w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy as string}\n`);
    if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort as number}\n`);
    const ranges = (spec.loadBalancerSourceRanges as string[] | undefined) ?? [];
    if (ranges.length) w.write(0, `LoadBalancer Source Ranges:\t${ranges.join(',')}\n`);
    if (spec.trafficDistribution) w.write(0, `Traffic Distribution:\t${spec.trafficDistribution as string}\n`);
    if (events) describeEvents(w, events, now);
  });
}
