/**
 * `kubectl get`. Models kubectl pkg/cmd/get/get.go (v1.34): human tables from the resource's printer, `-o wide`,
 * `-o yaml|json|name`, `-A`, `-l`, `--show-labels`, `--no-headers`; "No resources found" on stderr when empty;
 * NotFound errors for named objects that do not exist, after printing the ones that do.
 */
import type { KubeObject, Namespace, Node, Pod } from '../../sim/types';
import type { KubectlCommand, RunOptions } from '../command';
import { allNamespacesFlag, filenameFlag, newOutput, outputFlag, result, selectorFlag } from '../command';
import { notFound } from '../../sim/errors';
import { formatError } from '../errors';
import { listTarget, resolveTargets, UsageError, type Target } from '../targets';
import { podTable } from '../printers/pods';
import { printTable } from '../printers/table';
import { translateTimestampSince } from '../printers/duration';
import { toYaml, toYamlList } from '../printers/yaml';
import { toJson, toJsonList } from '../printers/json';
import { typedName } from '../resources';

/** Human-readable rows for the types lesson 1 can meet besides pods. Issue #4 ports the rest of printers.go. */
function humanTable(type: Target['type'], objs: KubeObject[], o: RunOptions, withNamespace: boolean, withKind: boolean): string {
  const now = o.cluster.clock.now();
  const opts = { wide: o.flags.output === 'wide', noHeaders: o.flags['no-headers'] as boolean, showLabels: o.flags['show-labels'] as boolean, withNamespace, kind: withKind ? type.kind.toLowerCase() : undefined };
  const age = (x: KubeObject) => translateTimestampSince(x.metadata.creationTimestamp, now);
  const row = (x: KubeObject, cells: string[]) => ({ cells, namespace: x.metadata.namespace, labels: x.metadata.labels });
  switch (type.resource) {
    case 'pods': return podTable(objs as Pod[], { ...opts, now });
    case 'namespaces':
      return printTable([{ name: 'Name' }, { name: 'Status' }, { name: 'Age' }],
        (objs as Namespace[]).map((n) => row(n, [n.metadata.name!, n.status?.phase ?? '', age(n)])), opts);
    case 'nodes':
      // Models printers.go printNode: roles from node-role.kubernetes.io/* labels.
      return printTable([{ name: 'Name' }, { name: 'Status' }, { name: 'Roles' }, { name: 'Age' }, { name: 'Version' }, { name: 'Internal-IP', priority: 1 }, { name: 'External-IP', priority: 1 }, { name: 'OS-Image', priority: 1 }, { name: 'Kernel-Version', priority: 1 }, { name: 'Container-Runtime', priority: 1 }],
        (objs as Node[]).map((n) => {
          const ready = n.status.conditions.find((c) => c.type === 'Ready');
          // printNode: "Ready" when True, "NotReady" otherwise (Unknown included), "Unknown" only without the condition.
          const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown', ...(n.spec.unschedulable ? ['SchedulingDisabled'] : [])].join(',');
          const roles = Object.keys(n.metadata.labels ?? {}).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.slice('node-role.kubernetes.io/'.length)).sort().join(',') || '<none>';
          const addr = (t: string) => n.status.addresses.find((a) => a.type === t)?.address ?? '<none>';
          return row(n, [n.metadata.name!, status, roles, age(n), n.status.nodeInfo.kubeletVersion, addr('InternalIP'), addr('ExternalIP'), n.status.nodeInfo.osImage, n.status.nodeInfo.kernelVersion, n.status.nodeInfo.containerRuntimeVersion]);
        }), opts);
    default:
      return printTable([{ name: 'Name' }, { name: 'Age' }], objs.map((x) => row(x, [x.metadata.name!, age(x)])), opts);
  }
}

function run(o: RunOptions) {
  const out = newOutput();
  const output = (o.flags.output as string | undefined) ?? '';
  if (!['', 'wide', 'yaml', 'json', 'name'].includes(output)) {
    out.err.push(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n`);
    return result(out, 1);
  }
  const allNs = o.flags['all-namespaces'] as boolean;
  const selector = o.flags.selector as string | undefined;
  let targets: Target[];
  try {
    targets = resolveTargets(o, o.args, { selector, allNamespaces: allNs });
  } catch (e) {
    if (e instanceof UsageError) {
      out.err.push('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n');
    } else out.err.push(formatError(e));
    return result(out, 1);
  }
  const found: Array<{ type: Target['type']; obj: KubeObject }> = [];
  const errors: string[] = [];
  let listed = false;
  for (const t of targets) {
    if (t.name === '') {
      listed = true;
      for (const obj of listTarget(o, t, selector)) found.push({ type: t.type, obj });
      continue;
    }
    const obj = o.cluster.api.find<KubeObject>(t.type.resource, t.namespace, t.name);
    if (obj) found.push({ type: t.type, obj });
    else errors.push(formatError(notFound(t.type.resource, t.name)));
  }
  const single = !listed && targets.length === 1 && found.length === 1;
  if (output === 'yaml') out.out.push(single ? toYaml(found[0].obj) : found.length || listed ? toYamlList(found.map((f) => f.obj)) : '');
  else if (output === 'json') out.out.push(single ? toJson(found[0].obj) : found.length || listed ? toJsonList(found.map((f) => f.obj)) : '');
  else if (output === 'name') out.out.push(found.map((f) => `${typedName(f.type, f.obj.metadata.name!)}\n`).join(''));
  else {
    // One table per resource type, separated by a blank line, as kubectl prints `get pods,nodes`.
    const groups = new Map<string, { type: Target['type']; objs: KubeObject[] }>();
    for (const f of found) {
      const g = groups.get(f.type.resource) ?? { type: f.type, objs: [] };
      g.objs.push(f.obj);
      groups.set(f.type.resource, g);
    }
    const withKind = new Set(targets.map((t) => t.type.resource)).size > 1;
    out.out.push([...groups.values()].map((g) => humanTable(g.type, g.objs, o, allNs && g.type.namespaced, withKind)).join('\n'));
  }
  if (found.length === 0 && listed && errors.length === 0 && output !== 'yaml' && output !== 'json') {
    const t = targets[0];
    out.err.push(t.type.namespaced && !allNs ? `No resources found in ${o.namespace} namespace.\n` : 'No resources found\n');
  }
  out.err.push(...errors);
  return result(out, errors.length ? 1 : 0);
}

export const getCommand: KubectlCommand = {
  name: 'get',
  short: 'Display one or many resources',
  usage: 'kubectl get [(-o|--output=)json|yaml|name|wide|custom-columns=...|custom-columns-file=...|go-template=...|go-template-file=...|jsonpath=...|jsonpath-file=...] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  examples: '  # List all pods in ps output format\n  kubectl get pods\n\n  # List all pods in ps output format with more information (such as node name)\n  kubectl get pods -o wide\n\n  # List a single pod in JSON output format\n  kubectl get -o json pod web-pod-13je7',
  flags: [outputFlag, allNamespacesFlag, selectorFlag, filenameFlag,
    { name: 'show-labels', type: 'bool', default: false, usage: 'When printing, show all labels as the last column (default hide labels column).' },
    { name: 'no-headers', type: 'bool', default: false, usage: 'When using the default or custom-column output format, don\'t print headers (default print headers).' }],
  run,
};
