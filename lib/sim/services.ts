/**
 * The Service registry strategy: defaulting and cluster IP allocation as the apiserver does them.
 * Models kubernetes pkg/apis/core/v1/defaults.go SetDefaults_Service / SetDefaults_ServiceSpec and
 * pkg/registry/core/service (ClusterIP allocation from the kubeadm service CIDR 10.96.0.0/12; `10.96.0.1` is the
 * `kubernetes` Service's, `10.96.0.10` kube-dns's), and the parts of ValidateService a course meets.
 */
import type { ResourceStrategy } from './apiserver';
import type { FieldError } from './errors';
import type { Service } from './types';
import type { Random } from './random';
import { isDNS1123Label, isQualifiedName, isValidLabelValue } from './validation';

const used = new WeakMap<Random, Set<string>>();

/** A free IP of 10.96.0.0/12 chosen at random, as the bitmap allocator's random scan does. */
function allocateClusterIP(random: Random): string {
  const taken = used.get(random) ?? new Set(['10.96.0.0', '10.96.0.1', '10.96.0.10']);
  used.set(random, taken);
  for (;;) {
    const offset = random.between(2, (1 << 20) - 2);
    const ip = `10.${96 + (offset >> 16)}.${(offset >> 8) & 255}.${offset & 255}`;
    if (!taken.has(ip)) { taken.add(ip); return ip; }
  }
}

export const serviceStrategy: ResourceStrategy<Service> = {
  prepareForCreate(svc, { random }) {
    const spec = (svc.spec ??= {});
    spec.type ||= 'ClusterIP';
    spec.sessionAffinity ||= 'None';
    spec.internalTrafficPolicy ||= 'Cluster';
    for (const p of spec.ports ?? []) {
      p.protocol ||= 'TCP';
      if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
    }
    if (spec.clusterIP !== 'None') {
      spec.clusterIP ||= allocateClusterIP(random);
      used.get(random)?.add(spec.clusterIP);
    }
    spec.clusterIPs = [spec.clusterIP!];
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ||= 'SingleStack';
    svc.status = { loadBalancer: {} };
  },
  validate(svc) {
    const errs: FieldError[] = [];
    const spec = svc.spec ?? {};
    const ports = spec.ports ?? [];
    if (ports.length === 0 && spec.clusterIP !== 'None') errs.push({ type: 'FieldValueRequired', field: 'spec.ports' });
    const names = new Set<string>();
    ports.forEach((p, i) => {
      const path = `spec.ports[${i}]`;
      if (ports.length > 1 && !p.name) errs.push({ type: 'FieldValueRequired', field: `${path}.name` });
      if (p.name) {
        for (const m of isDNS1123Label(p.name)) errs.push({ type: 'FieldValueInvalid', field: `${path}.name`, badValue: p.name, detail: m });
        if (names.has(p.name)) errs.push({ type: 'FieldValueDuplicate', field: `${path}.name`, badValue: p.name });
        names.add(p.name);
      }
      if (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535) errs.push({ type: 'FieldValueInvalid', field: `${path}.port`, badValue: p.port, detail: 'must be between 1 and 65535, inclusive' });
      if (p.protocol && !['TCP', 'UDP', 'SCTP'].includes(p.protocol)) {
        errs.push({ type: 'FieldValueNotSupported', field: `${path}.protocol`, badValue: p.protocol, detail: 'supported values: "SCTP", "TCP", "UDP"' });
      }
    });
    for (const [k, v] of Object.entries(spec.selector ?? {})) {
      for (const m of isQualifiedName(k)) errs.push({ type: 'FieldValueInvalid', field: 'spec.selector', badValue: k, detail: m });
      for (const m of isValidLabelValue(String(v))) errs.push({ type: 'FieldValueInvalid', field: 'spec.selector', badValue: v, detail: m });
    }
    return errs;
  },
  validateUpdate(svc, old) {
    if (old.spec.clusterIP && svc.spec.clusterIP && svc.spec.clusterIP !== old.spec.clusterIP) {
      return [{ type: 'FieldValueInvalid', field: 'spec.clusterIPs[0]', badValue: svc.spec.clusterIP, detail: 'may not change once set' }];
    }
    return [];
  },
};
