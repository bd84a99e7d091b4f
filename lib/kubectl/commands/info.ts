/**
 * Commands that describe the cluster rather than its objects: `kubectl version`, `kubectl cluster-info` and
 * `kubectl api-resources`. Models kubectl pkg/cmd/version/version.go, pkg/cmd/clusterinfo/clusterinfo.go
 * (printService with go-colortext colours, the `kubernetes.io/cluster-service=true` Services of kube-system) and
 * pkg/cmd/apiresources/apiresources.go (columns, sortableResource: by group, then name) (v1.34).
 */
import type { Service } from '../../sim/types';
import type { KubectlCommand, RunOptions } from '../command';
import { newOutput, result } from '../command';
import { getNewTabWriter } from '../printers/tabwriter';

/** The versions the lab's kubectl and cluster report. kubectl v1.34 vendors kustomize v5.7.1. */
export const clientVersion = 'v1.34.1';
export const kustomizeVersion = 'v5.7.1';
export const serverVersion = 'v1.34.1';
/** The API server's address in the lab's kubeconfig (the control-plane node's IP, kubeadm's port). */
export const apiServerHost = 'https://172.30.1.2:6443';

function versionRun(o: RunOptions) {
  const out = newOutput();
  if (o.args.length) {
    out.err.push(`error: extra arguments: [${o.args.join(' ')}]\nSee 'kubectl version -h' for help and examples\n`);
    return result(out, 1);
  }
  out.out.push(`Client Version: ${clientVersion}\nKustomize Version: ${kustomizeVersion}\n`);
  if (!o.flags.client) out.out.push(`Server Version: ${serverVersion}\n`);
  return result(out, 0);
}

export const versionCommand: KubectlCommand = {
  name: 'version',
  short: 'Print the client and server version information',
  usage: 'kubectl version [flags] [options]',
  flags: [{ name: 'client', type: 'bool', default: false, usage: 'If true, shows client version only (no server required).' }],
  run: versionRun,
};

/** go-colortext ChangeColor(fg, false, None, false) on a terminal: `ESC[0;3Xm`; ResetColor: `ESC[0m`. */
const green = '\x1b[0;32m';
const yellow = '\x1b[0;33m';
const reset = '\x1b[0m';

function clusterInfoRun(o: RunOptions) {
  const out = newOutput();
  if (o.args.length) {
    out.err.push(`error: unknown command "${o.args[0]}" for "kubectl cluster-info"\n`);
    return result(out, 1);
  }
  const color = o.ctx.isTTY;
  const printService = (name: string, link: string) => {
    out.out.push(color ? `${green}${name}${reset} is running at ${yellow}${link}${reset}\n` : `${name} is running at ${link}\n`);
  };
  printService('Kubernetes control plane', apiServerHost);
  const ns = (o.flags.namespace as string | undefined) || 'kube-system';
  const services = o.cluster.api.list<Service>('services', ns)
    .filter((s) => s.metadata.labels?.['kubernetes.io/cluster-service'] === 'true')
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
  for (const s of services) {
    let name = s.metadata.name!;
    const port = s.spec.ports?.[0];
    if (port) {
      // utilnet.JoinSchemeNamePort: <scheme>:<service-name>:<service-port-name>, empty parts left out.
      const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
      const p = port.name ?? '';
      name = scheme ? `${scheme}:${name}:${p}` : p ? `${name}:${p}` : name;
    }
    printService(s.metadata.labels?.['kubernetes.io/name'] || s.metadata.name!, `${apiServerHost}/api/v1/namespaces/${s.metadata.namespace}/services/${name}/proxy`);
  }
  out.out.push("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
  return result(out, 0);
}

export const clusterInfoCommand: KubectlCommand = {
  name: 'cluster-info',
  short: 'Display cluster information',
  usage: 'kubectl cluster-info [flags] [options]',
  flags: [],
  run: clusterInfoRun,
};

function apiResourcesRun(o: RunOptions) {
  const out = newOutput();
  if (o.args.length) {
    out.err.push(`error: unexpected arguments: [${o.args.join(' ')}]\nSee 'kubectl api-resources -h' for help and examples\n`);
    return result(out, 1);
  }
  const nsFilter = o.flags.namespaced as boolean | undefined;
  const group = (v: string) => (v.includes('/') ? v.slice(0, v.indexOf('/')) : '');
  const types = [...o.cluster.api.types.values()]
    .filter((t) => nsFilter === undefined || t.namespaced === nsFilter)
    .sort((a, b) => (group(a.apiVersion) !== group(b.apiVersion) ? (group(a.apiVersion) < group(b.apiVersion) ? -1 : 1) : a.resource < b.resource ? -1 : 1));
  const w = getNewTabWriter();
  if (o.flags.output === 'name') {
    for (const t of types) out.out.push(`${t.resource}${group(t.apiVersion) ? `.${group(t.apiVersion)}` : ''}\n`);
    return result(out, 0);
  }
  if (!o.flags['no-headers']) w.write('NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\n');
  for (const t of types) w.write(`${t.resource}\t${t.shortNames.join(',')}\t${t.apiVersion}\t${t.namespaced}\t${t.kind}\n`);
  out.out.push(w.flush());
  return result(out, 0);
}

export const apiResourcesCommand: KubectlCommand = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  usage: 'kubectl api-resources [flags] [options]',
  flags: [
    { name: 'namespaced', type: 'bool', default: undefined, usage: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'no-headers', type: 'bool', default: false, usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (wide, name).' },
  ],
  run: apiResourcesRun,
};
