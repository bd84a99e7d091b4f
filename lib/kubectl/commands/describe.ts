/**
 * `kubectl describe`. Models kubectl pkg/cmd/describe/describe.go (v1.34): objects are found by exact name or, failing
 * that, by name prefix; several descriptions are separated by a blank line; events are the object's own.
 */
import type { Endpoints, Event, KubeObject, Node, Pod, Service } from '../../sim/types';
import type { KubectlCommand, RunOptions } from '../command';
import { allNamespacesFlag, filenameFlag, newOutput, result, selectorFlag } from '../command';
import { notFound } from '../../sim/errors';
import { formatError } from '../errors';
import { listTarget, resolveTargets, selectorError, UsageError } from '../targets';
import { describePod } from '../printers/describe-pod';
import { describeNode } from '../printers/describe-node';
import { describeService } from '../printers/describe-service';

/** The description of one object, by kind (describe.go DescriberFor). */
function describeOne(o: RunOptions, obj: KubeObject): string {
  const now = o.cluster.clock.now();
  const ownEvents = () => o.cluster.api.list<Event>('events', obj.metadata.namespace).filter((e) => e.involvedObject.uid === obj.metadata.uid);
  switch (obj.kind) {
    case 'Node': {
      // NodeDescriber: pods by fieldSelector spec.nodeName=NAME,status.phase!=Failed,status.phase!=Succeeded; events
      // whose involvedObject is the node, by uid or (as the kubelet writes them) by name.
      const name = obj.metadata.name!;
      const pods = o.cluster.api.list<Pod>('pods').filter((p) => p.spec.nodeName === name && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded');
      const events = o.cluster.api.list<Event>('events').filter((e) => e.involvedObject.kind === 'Node' && (e.involvedObject.uid === obj.metadata.uid || e.involvedObject.name === name));
      return describeNode(obj as Node, pods, events, { now });
    }
    case 'Service': {
      const ep = o.cluster.api.find<Endpoints>('endpoints', obj.metadata.namespace, obj.metadata.name!);
      return describeService(obj as Service, ep, ownEvents(), { now });
    }
    default:
      return describePod(obj as Pod, ownEvents(), { now });
  }
}

function run(o: RunOptions) {
  const out = newOutput();
  const selector = o.flags.selector as string | undefined;
  let targets;
  try {
    targets = resolveTargets(o, o.args, { selector, allNamespaces: o.flags['all-namespaces'] as boolean });
  } catch (e) {
    out.err.push(e instanceof UsageError ? 'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n' : formatError(e));
    return result(out, 1);
  }
  // Pods, nodes and services have ported describers; say so for the rest rather than invent output.
  const unsupported = targets.find((t) => !['Pod', 'Node', 'Service'].includes(t.type.kind));
  if (unsupported) {
    out.err.push(`error: this terminal can describe pods, nodes and services only for now; try: kubectl get ${unsupported.type.resource} -o yaml\n`);
    return result(out, 1);
  }
  const texts: string[] = [];
  let failed = false;
  for (const t of targets) {
    if (t.name === '') {
      const bad = selectorError(t, selector);
      if (bad) { failed = true; out.err.push(formatError(bad)); continue; }
      const all = listTarget(o, t, selector);
      if (all.length === 0) out.err.push(t.type.namespaced ? `No resources found in ${o.namespace} namespace.\n` : 'No resources found\n');
      for (const obj of all) texts.push(describeOne(o, obj));
      continue;
    }
    const exact = o.cluster.api.find<KubeObject>(t.type.resource, t.namespace, t.name);
    const matches = exact ? [exact] : o.cluster.api.list<KubeObject>(t.type.resource, t.namespace).filter((x) => x.metadata.name!.startsWith(t.name));
    if (matches.length === 0) { failed = true; out.err.push(formatError(notFound(t.type.resource, t.name))); }
    for (const obj of matches) texts.push(describeOne(o, obj));
  }
  out.out.push(texts.join('\n\n'));
  return result(out, failed ? 1 : 0);
}

export const describeCommand: KubectlCommand = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  flags: [filenameFlag, selectorFlag, allNamespacesFlag],
  run,
};
