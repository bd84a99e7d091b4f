/**
 * Faults a lesson can inject, as plainly named terminal commands (they are not kubectl: nothing in a real cluster
 * lets a user do this, so they must not look like it). Each command acts on the simulator directly — a node's
 * kubelet, a container's process — and the cluster then reacts exactly as it would to the real failure.
 *
 *   node-down NODE            the node stops reporting (its kubelet is unreachable)
 *   node-up NODE              the node reports again
 *   app-fail POD [--path P]   the app answers HTTP 500 (on every path, or on P only), so health checks fail
 *   app-slow POD --delay D    the app takes D to answer each request (e.g. 3s: past a 1s probe timeout)
 *   app-crash POD [--exit-code N]   the app's main process exits (default exit code 1)
 *   memory-leak POD --rate R  the app's memory grows by R per second (e.g. 10Mi)
 *   app-recover POD           undo app-fail, app-slow and memory-leak
 * Every POD command takes `-n NAMESPACE` and `-c CONTAINER` (default: the pod's first container).
 */
import type { Cluster } from './sim/cluster';
import type { Fault } from './sim/runtime/types';
import type { Node, Pod } from './sim/types';
import type { Program, ProgramContext, ProgramResult } from './shell/types';
import { FlagError, parseFlags, type FlagSpec } from './kubectl/flags';
import { parseQuantity } from './sim/quantity';

interface FaultCommand {
  name: string;
  summary: string;
  usage: string;
  flags: FlagSpec[];
  run(cluster: Cluster, args: string[], flags: Record<string, unknown>): string;
}

class FaultError extends Error {}

const podFlags: FlagSpec[] = [
  { name: 'namespace', shorthand: 'n', type: 'string', default: 'default', usage: 'namespace of the pod' },
  { name: 'container', shorthand: 'c', type: 'string', usage: "container (default: the pod's first)" },
];

/** `10s`, `1.5s`, `500ms`, `2m` → ms. */
function parseDuration(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000 }[m[2] as 'ms' | 's' | 'm'];
}

function nodeNamed(cluster: Cluster, name: string | undefined, cmd: string): string {
  if (!name) throw new FaultError(`usage: ${cmd} NODE`);
  if (!cluster.api.find<Node>('nodes', undefined, name)) {
    const known = cluster.api.list<Node>('nodes').map((n) => n.metadata.name).join(', ');
    throw new FaultError(`${cmd}: no node named "${name}" (nodes: ${known})`);
  }
  return name;
}

/** The running process of a pod's container, or a FaultError saying why there is none. */
function processOf(cluster: Cluster, cmd: string, pod: string | undefined, flags: Record<string, unknown>) {
  if (!pod) throw new FaultError(`usage: ${commands.find((c) => c.name === cmd)!.usage}`);
  const ns = flags.namespace as string;
  const p = cluster.api.find<Pod>('pods', ns, pod);
  if (!p) throw new FaultError(`${cmd}: no pod named "${pod}" in namespace "${ns}"`);
  const container = (flags.container as string | undefined) ?? p.spec.containers[0].name;
  if (!p.spec.containers.some((c) => c.name === container)) throw new FaultError(`${cmd}: pod "${pod}" has no container "${container}"`);
  const proc = p.spec.nodeName ? cluster.kubelets.get(p.spec.nodeName)?.containerProcess(ns, pod, container) : undefined;
  if (!proc?.fault) throw new FaultError(`${cmd}: container "${container}" of pod "${pod}" is not running`);
  return { proc: proc as typeof proc & { fault(f: Fault): void }, label: `pod/${pod} (container ${container})` };
}

const commands: FaultCommand[] = [
  {
    name: 'node-down', summary: "simulate a node failure: its kubelet stops reporting", usage: 'node-down NODE', flags: [],
    run(cluster, [node]) {
      const name = nodeNamed(cluster, node, 'node-down');
      cluster.nodes.setReachable(name, false);
      return `node/${name} is unreachable: its kubelet stopped posting status. The control plane notices after the 50s grace period.\n`;
    },
  },
  {
    name: 'node-up', summary: 'end a simulated node failure', usage: 'node-up NODE', flags: [],
    run(cluster, [node]) {
      const name = nodeNamed(cluster, node, 'node-up');
      cluster.nodes.setReachable(name, true);
      return `node/${name} is reachable again: its kubelet resumes posting status.\n`;
    },
  },
  {
    name: 'app-fail', summary: 'make an app answer HTTP 500 (its health checks fail)', usage: 'app-fail POD [-c CONTAINER] [--path PATH]',
    flags: [...podFlags, { name: 'path', type: 'string', usage: 'fail only this path (default: every path)' }],
    run(cluster, [pod], flags) {
      const { proc, label } = processOf(cluster, 'app-fail', pod, flags);
      proc.fault({ kind: 'fail-health', ...(flags.path ? { path: flags.path as string } : {}) });
      return `${label} now answers HTTP 500${flags.path ? ` on ${flags.path}` : ''}.\n`;
    },
  },
  {
    name: 'app-slow', summary: 'make an app slow to answer', usage: 'app-slow POD [-c CONTAINER] --delay DURATION',
    flags: [...podFlags, { name: 'delay', type: 'string', usage: 'time to answer each request, e.g. 3s' }],
    run(cluster, [pod], flags) {
      const delay = parseDuration(String(flags.delay ?? ''));
      if (delay === undefined) throw new FaultError('app-slow: --delay must be a duration such as 3s or 500ms');
      const { proc, label } = processOf(cluster, 'app-slow', pod, flags);
      proc.fault({ kind: 'slow', delayMs: delay });
      return `${label} now takes ${flags.delay} to answer each request.\n`;
    },
  },
  {
    name: 'app-crash', summary: "make an app's main process exit", usage: 'app-crash POD [-c CONTAINER] [--exit-code N]',
    flags: [...podFlags, { name: 'exit-code', type: 'int', default: 1, usage: 'exit code of the main process' }],
    run(cluster, [pod], flags) {
      const { proc, label } = processOf(cluster, 'app-crash', pod, flags);
      proc.fault({ kind: 'crash', exitCode: flags['exit-code'] as number });
      return `${label}: the main process exited with code ${flags['exit-code']}.\n`;
    },
  },
  {
    name: 'memory-leak', summary: "make an app's memory grow", usage: 'memory-leak POD [-c CONTAINER] --rate QUANTITY',
    flags: [...podFlags, { name: 'rate', type: 'string', usage: 'bytes per second, e.g. 10Mi' }],
    run(cluster, [pod], flags) {
      const rate = parseQuantity(String(flags.rate ?? '').replace(/\/s$/, ''))?.value();
      if (!rate || rate <= 0) throw new FaultError('memory-leak: --rate must be a quantity per second such as 10Mi');
      const { proc, label } = processOf(cluster, 'memory-leak', pod, flags);
      proc.fault({ kind: 'memory-leak', bytesPerSecond: rate });
      return `${label}: memory now grows by ${flags.rate} per second.\n`;
    },
  },
  {
    name: 'app-recover', summary: 'undo app-fail, app-slow and memory-leak', usage: 'app-recover POD [-c CONTAINER]', flags: podFlags,
    run(cluster, [pod], flags) {
      const { proc, label } = processOf(cluster, 'app-recover', pod, flags);
      proc.fault({ kind: 'recover' });
      return `${label} is healthy again.\n`;
    },
  },
];

/** The fault-injection programs for a cluster's terminal, by name. */
export function createFaultPrograms(cluster: Cluster): Program[] {
  return commands.map((cmd) => ({
    name: cmd.name,
    summary: cmd.summary,
    run(ctx: ProgramContext): ProgramResult {
      try {
        const { flags, args } = parseFlags(ctx.argv, [...cmd.flags, { name: 'help', shorthand: 'h', type: 'bool', default: false, usage: '' }]);
        if (flags.help) return { stdout: `${cmd.summary}\nusage: ${cmd.usage}\n`, stderr: '', exitCode: 0 };
        if (args.length > 1) throw new FaultError(`usage: ${cmd.usage}`);
        return { stdout: cmd.run(cluster, args, flags), stderr: '', exitCode: 0 };
      } catch (e) {
        if (e instanceof FaultError) return { stdout: '', stderr: `${e.message}\n`, exitCode: 1 };
        if (e instanceof FlagError) return { stdout: '', stderr: `${cmd.name}: ${e.message}\nusage: ${cmd.usage}\n`, exitCode: 2 };
        throw e;
      }
    },
  }));
}
