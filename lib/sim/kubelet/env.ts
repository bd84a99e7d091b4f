/**
 * The environment the kubelet gives a container. Models kubernetes pkg/kubelet/kubelet_pods.go
 * makeEnvironmentVariables (v1.34: service links, env with $(VAR) expansion, fieldRef), pkg/kubelet/envvars
 * envvars.go FromServices, and third_party/forked/golang/expansion expand.go.
 */
import type { Container, EnvVar, Pod, Service } from '../types';

/** Expands `$(NAME)` through `mapping`; `$$` is a literal `$`. Models expansion.Expand. */
export function expand(input: string, mapping: (name: string) => string): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const rest = input.slice(cursor + 1);
    if (rest[0] === '$') {
      out += '$';
    } else if (rest[0] === '(') {
      const close = rest.indexOf(')', 1);
      if (close === -1) out += '$(';
      else { out += mapping(rest.slice(1, close)); cursor += close; }
    } else {
      out += `$${rest[0]}`;
    }
    cursor += 1;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

/** A mapping that leaves unknown references as written. Models expansion.MappingFuncFor. */
export function mappingFor(...contexts: Array<Map<string, string>>): (name: string) => string {
  return (name) => {
    for (const c of contexts) { const v = c.get(name); if (v !== undefined) return v; }
    return `$(${name})`;
  };
}

/** `command` with `$(VAR)` expanded from the container's literal env only. Models ExpandContainerCommandOnlyStatic. */
export function expandCommandOnlyStatic(command: string[], env: EnvVar[] | undefined): string[] {
  const vars = new Map((env ?? []).map((e) => [e.name, e.value ?? '']));
  const mapping = mappingFor(vars);
  return command.map((c) => expand(c, mapping));
}

const envName = (s: string) => s.toUpperCase().replace(/-/g, '_');

const joinHostPort = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** The docker-link style variables of Services with a cluster IP. Models envvars.FromServices. */
export function fromServices(services: Service[]): EnvVar[] {
  const out: EnvVar[] = [];
  for (const s of services) {
    const ip = s.spec.clusterIP;
    const ports = s.spec.ports ?? [];
    if (!ip || ip === 'None') continue; // IsServiceIPSet
    const prefix = envName(s.metadata.name!);
    out.push({ name: `${prefix}_SERVICE_HOST`, value: ip }, { name: `${prefix}_SERVICE_PORT`, value: String(ports[0]?.port) });
    for (const p of ports) if (p.name) out.push({ name: `${prefix}_SERVICE_PORT_${envName(p.name)}`, value: String(p.port) });
    ports.forEach((p, i) => { // makeLinkVariables
      const proto = (p.protocol || 'TCP').toLowerCase();
      const url = `${proto}://${joinHostPort(ip, p.port)}`;
      if (i === 0) out.push({ name: `${prefix}_PORT`, value: url });
      const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
      out.push({ name: pp, value: url }, { name: `${pp}_PROTO`, value: proto }, { name: `${pp}_PORT`, value: String(p.port) }, { name: `${pp}_ADDR`, value: ip });
    });
  }
  return out;
}

/** Resolves a downward-API field path for `pod`; undefined when the simulator does not know it. */
function fieldValue(pod: Pod, path: string, podIP: string, hostIP: string): string | undefined {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return (pod.metadata[m[1]] as Record<string, string> | undefined)?.[m[2]] ?? '';
  switch (path) {
    case 'metadata.name': return pod.metadata.name;
    case 'metadata.namespace': return pod.metadata.namespace;
    case 'metadata.uid': return pod.metadata.uid;
    case 'spec.nodeName': return pod.spec.nodeName;
    case 'spec.serviceAccountName': return pod.spec.serviceAccountName;
    case 'status.podIP': case 'status.podIPs': return podIP;
    case 'status.hostIP': case 'status.hostIPs': return hostIP;
    default: return undefined;
  }
}

/**
 * The container's env (literal values with `$(VAR)` expanded, downward-API fieldRefs), then the service links not
 * overridden: the Services of the pod's namespace when enableServiceLinks, and always the master `kubernetes`
 * Service. HOSTNAME is not the kubelet's: containerd sets it from the sandbox's hostname.
 */
export function makeEnvironmentVariables(pod: Pod, container: Container, services: Service[], podIP: string, hostIP: string): EnvVar[] {
  const ns = pod.metadata.namespace ?? 'default';
  const linked = services.filter((s) => (pod.spec.enableServiceLinks !== false && s.metadata.namespace === ns) || (s.metadata.namespace === 'default' && s.metadata.name === 'kubernetes'));
  const serviceEnv = new Map<string, string>();
  for (const e of fromServices(linked)) if (!serviceEnv.has(e.name)) serviceEnv.set(e.name, e.value!);
  const tmpEnv = new Map<string, string>();
  const mapping = mappingFor(tmpEnv, serviceEnv);
  for (const e of container.env ?? []) {
    const ref = (e.valueFrom as { fieldRef?: { fieldPath?: string } } | undefined)?.fieldRef?.fieldPath;
    tmpEnv.set(e.name, e.value ? expand(e.value, mapping) : ref ? fieldValue(pod, ref, podIP, hostIP) ?? '' : '');
  }
  const out: EnvVar[] = [];
  for (const [name, value] of tmpEnv) out.push({ name, value });
  for (const [name, value] of serviceEnv) if (!tmpEnv.has(name)) out.push({ name, value });
  return out;
}
