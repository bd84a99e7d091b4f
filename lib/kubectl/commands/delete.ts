/**
 * `kubectl delete`. Models kubectl pkg/cmd/delete/delete.go (v1.34): `<kind> "<name>" deleted from <ns> namespace`
 * (namespace shown since v1.34), then waits for the objects to disappear unless `--wait=false`; `--now` is a grace
 * period of 1; `--grace-period=0` without `--force` becomes 1; `--force` warns that deletion is immediate.
 */
import type { KubeObject } from '../../sim/types';
import type { KubectlCommand, RunOptions } from '../command';
import { allNamespacesFlag, filenameFlag, newOutput, result, selectorFlag } from '../command';
import { notFound } from '../../sim/errors';
import { formatError } from '../errors';
import { listTarget, resolveTargets, UsageError } from '../targets';
import { createStream } from '../../shell/types';

function run(o: RunOptions) {
  const out = newOutput();
  let grace = o.flags['grace-period'] as number;
  const force = o.flags.force as boolean;
  if (o.flags.now) {
    if (grace !== -1) { out.err.push('error: --now and --grace-period cannot be specified together\n'); return result(out, 1); }
    grace = 1;
  }
  if (force && grace === -1) grace = 0;
  if (grace === 0 && !force) grace = 1;
  if (force && grace === 0) out.err.push('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  const selector = o.flags.selector as string | undefined;
  let targets;
  try {
    targets = resolveTargets(o, o.args, { selector, all: o.flags.all as boolean, allNamespaces: o.flags['all-namespaces'] as boolean });
  } catch (e) {
    out.err.push(e instanceof UsageError ? "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n" : formatError(e));
    return result(out, 1);
  }
  let failed = false;
  const deleted: KubeObject[] = [];
  for (const t of targets) {
    let objs: Array<KubeObject | undefined>;
    if (t.name === '') {
      if (!o.flags.all && selector === undefined) {
        out.err.push('error: resource(s) were provided, but no name was specified\n');
        return result(out, 1);
      }
      objs = listTarget(o, t, selector);
      if (objs.length === 0) out.err.push(t.type.namespaced ? `No resources found in ${t.namespace ?? o.namespace} namespace.\n` : 'No resources found\n');
    } else objs = [o.cluster.api.find<KubeObject>(t.type.resource, t.namespace, t.name)];
    for (const obj of objs) {
      if (!obj) { failed = true; out.err.push(formatError(notFound(t.type.resource, t.name))); continue; }
      try {
        o.cluster.api.delete(t.type.resource, obj.metadata.namespace, obj.metadata.name!, grace >= 0 ? { gracePeriodSeconds: grace } : {});
        deleted.push(obj);
        const where = t.type.namespaced ? ` from ${obj.metadata.namespace} namespace` : '';
        out.out.push(`${t.type.singular} "${obj.metadata.name}" ${force && grace === 0 ? 'force deleted' : 'deleted'}${where}\n`);
      } catch (e) { failed = true; out.err.push(formatError(e)); }
    }
  }
  if (o.flags.wait && deleted.length) {
    const gone = () => deleted.every((d) => {
      const t = [...o.cluster.api.types.values()].find((x) => x.kind === d.kind)!;
      const cur = o.cluster.api.find<KubeObject>(t.resource, d.metadata.namespace, d.metadata.name!);
      return !cur || cur.metadata.uid !== d.metadata.uid;
    });
    // delete.go waitForDeletion: --timeout 0 means a week. It waits in front of the learner (Ctrl-C stops the waiting,
    // not the deletion); the confirmation lines are already out.
    const until = o.ctx.now() + 7 * 24 * 3600_000;
    const code = failed ? 1 : 0;
    return createStream({
      first: { stdout: out.out.join(''), stderr: out.err.join('') },
      done: () => (gone() ? code : o.ctx.now() >= until ? 1 : undefined),
    });
  }
  return result(out, failed ? 1 : 0);
}

export const deleteCommand: KubectlCommand = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: [filenameFlag, selectorFlag, allNamespacesFlag,
    { name: 'all', type: 'bool', default: false, usage: 'Delete all resources, in the namespace of the specified resource types.' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'force', type: 'bool', default: false, usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'now', type: 'bool', default: false, usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'wait', type: 'bool', default: true, usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' }],
  run,
};
