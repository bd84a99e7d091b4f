/**
 * `kubectl top pod [NAME] [-A] [--containers]` and `kubectl top node [NAME]`, reading metrics-server's view (the
 * kubelets' last 15s scrape). Models kubectl pkg/cmd/top/top.go, top_pod.go (verifyEmptyMetrics, checkPodAge with
 * metricsCreationDelay), top_node.go and pkg/metricsutil/metrics_printer.go (columns, `%vm`, `%vMi`, `%d%%`,
 * `<unknown>` for a node without metrics) (v1.34); the NotFound texts are metrics-server's pkg/api (pod.go, node.go).
 */
import type { Node, Pod } from '../../sim/types';
import type { PodMetrics } from '../../sim/kubelet/metrics';
import type { KubectlCommand, RunOptions } from '../command';
import { allNamespacesFlag, newOutput, result } from '../command';
import { notFound } from '../../sim/errors';
import { formatError } from '../errors';
import { getNewTabWriter } from '../printers/tabwriter';
import { parseQuantity } from '../../sim/quantity';
import { goDuration, parseTime } from '../../sim/time';

/** top_pod.go metricsCreationDelay: younger pods are expected to have no metrics yet. */
const metricsCreationDelay = 2 * 60_000;

const NodeColumns = ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'];
const PodColumns = ['NAME', 'CPU(cores)', 'MEMORY(bytes)'];
const NamespaceColumn = 'NAMESPACE';
const PodColumn = 'POD';

/** metrics_printer.go printSingleResourceUsage: CPU in millicores, memory in whole MiB (rounded down). */
/** metrics_printer.go printValue: every cell, the last one included, ends with a tab (hence trailing padding). */
const row = (cells: string[]) => `${cells.map((c) => `${c}\t`).join('')}\n`;
const cpu = (milli: number) => `${Math.trunc(milli)}m`;
const memory = (bytes: number) => `${Math.trunc(bytes / (1024 * 1024))}Mi`;

/** metrics-server's NotFound for a missing metrics object (`podmetrics.metrics.k8s.io "default/x" not found`). */
const metricsNotFound = (resource: string, name: string) => notFound(`${resource}.metrics.k8s.io`, name);

function allPodMetrics(o: RunOptions): PodMetrics[] {
  return [...o.cluster.kubelets.values()].flatMap((k) => k.podMetrics())
    .sort((a, b) => (a.namespace === b.namespace ? (a.name < b.name ? -1 : 1) : a.namespace < b.namespace ? -1 : 1));
}

function sortMetrics<T>(items: T[], sortBy: string, usage: (t: T) => { cpu: number; mem: number }): T[] {
  if (sortBy === 'cpu') return [...items].sort((a, b) => usage(b).cpu - usage(a).cpu);
  if (sortBy === 'memory') return [...items].sort((a, b) => usage(b).mem - usage(a).mem);
  return items;
}

function topPod(o: RunOptions, args: string[]) {
  const out = newOutput();
  if (args.length > 1) { out.err.push("error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples\n"); return result(out, 1); }
  const all = o.flags['all-namespaces'] as boolean;
  const name = args[0];
  let metrics = allPodMetrics(o).filter((m) => all || m.namespace === o.namespace);
  if (name) {
    metrics = metrics.filter((m) => m.name === name);
    if (metrics.length === 0) {
      if (!o.cluster.api.find<Pod>('pods', o.namespace, name)) throw notFound('pods', name);
      throw metricsNotFound('podmetrics', `${o.namespace}/${name}`);
    }
  }
  if (metrics.length === 0) {
    // top_pod.go verifyEmptyMetrics / checkPodAge
    const pods = o.cluster.api.list<Pod>('pods', all ? undefined : o.namespace);
    if (pods.length > 0) {
      const now = o.cluster.clock.now();
      for (const p of pods) {
        const age = now - parseTime(p.metadata.creationTimestamp);
        if (age > metricsCreationDelay) throw new Error(`Metrics not available for pod ${p.metadata.namespace}/${p.metadata.name}, age: ${goDuration(age)}`);
      }
      throw new Error('metrics not available yet');
    }
    out.err.push(all ? 'No resources found\n' : `No resources found in ${o.namespace} namespace.\n`);
    return result(out, 0);
  }
  const containers = o.flags.containers as boolean;
  const sum = (m: PodMetrics) => ({ cpu: m.containers.reduce((s, c) => s + c.cpuMilli, 0), mem: m.containers.reduce((s, c) => s + c.memoryBytes, 0) });
  metrics = sortMetrics(metrics, o.flags['sort-by'] as string, sum);
  const w = getNewTabWriter();
  if (!o.flags['no-headers']) w.write(row([...(all ? [NamespaceColumn] : []), ...(containers ? [PodColumn] : []), ...PodColumns]));
  for (const m of metrics) {
    const ns = all ? [m.namespace] : [];
    if (containers) for (const c of m.containers) w.write(row([...ns, m.name, c.name, cpu(c.cpuMilli), memory(c.memoryBytes)]));
    else { const u = sum(m); w.write(row([...ns, m.name, cpu(u.cpu), memory(u.mem)])); }
  }
  out.out.push(w.flush());
  return result(out, 0);
}

function topNode(o: RunOptions, args: string[]) {
  const out = newOutput();
  if (args.length > 1) { out.err.push("error: node [NAME | -l label]\nSee 'kubectl top node -h' for help and examples\n"); return result(out, 1); }
  let nodes = o.cluster.api.list<Node>('nodes').sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
  if (args[0]) {
    nodes = nodes.filter((n) => n.metadata.name === args[0]);
    if (!o.cluster.kubelets.has(args[0])) throw metricsNotFound('nodemetrics', args[0]);
  }
  const capacity = o.flags['show-capacity'] as boolean;
  const rows = nodes.map((n) => ({ n, m: o.cluster.kubelets.get(n.metadata.name!)?.nodeMetrics() }));
  const withMetrics = sortMetrics(rows.filter((r) => r.m), o.flags['sort-by'] as string, (r) => ({ cpu: r.m!.cpuMilli, mem: r.m!.memoryBytes }));
  const w = getNewTabWriter();
  if (!o.flags['no-headers']) w.write(row(NodeColumns));
  for (const { n, m } of withMetrics) {
    const avail = (capacity ? n.status?.capacity : n.status?.allocatable) ?? {};
    const pct = (used: number, total?: string) => {
      const t = total !== undefined ? parseQuantity(total)?.milliValue() : undefined;
      return t ? `${Math.trunc((used * 100) / t)}%` : '<unknown>';
    };
    w.write(row([n.metadata.name!, cpu(m!.cpuMilli), pct(m!.cpuMilli, avail.cpu), memory(m!.memoryBytes), pct(m!.memoryBytes * 1000, avail.memory)]));
  }
  // metrics_printer.go printMissingMetricsNodeLine
  for (const { n } of rows.filter((r) => !r.m)) w.write(row([n.metadata.name!, '<unknown>', '<unknown>', '<unknown>', '<unknown>']));
  out.out.push(w.flush());
  return result(out, 0);
}

const topHelp = 'Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for nodes or pods.\n\n This command requires Metrics Server to be correctly configured and working on the server.\n\nAvailable Commands:\n  node          Display resource (CPU/memory) usage of nodes\n  pod           Display resource (CPU/memory) usage of pods\n\nUsage:\n  kubectl top [flags] [options]\n\nUse "kubectl top <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n';

function run(o: RunOptions) {
  const [sub, ...rest] = o.args;
  try {
    if (sub === undefined) return { stdout: topHelp, stderr: '', exitCode: 0 };
    if (['pod', 'pods', 'po'].includes(sub)) return topPod(o, rest);
    if (['node', 'nodes', 'no'].includes(sub)) return topNode(o, rest);
    return { stdout: '', stderr: `error: unknown command "${sub}"\nSee 'kubectl top -h' for help and examples\n`, exitCode: 1 };
  } catch (e) {
    return { stdout: '', stderr: formatError(e), exitCode: 1 };
  }
}

export const topCommand: KubectlCommand = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  usage: 'kubectl top (pod | node) [NAME] [options]',
  flags: [
    allNamespacesFlag,
    { name: 'containers', type: 'bool', default: false, usage: 'If present, print usage of containers within a pod.' },
    { name: 'no-headers', type: 'bool', default: false, usage: 'If present, print output without headers.' },
    { name: 'show-capacity', type: 'bool', default: false, usage: 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.' },
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort nodes or pods list using specified field. The field can be either 'cpu' or 'memory'." },
  ],
  run,
};
