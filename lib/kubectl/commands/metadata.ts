/**
 * `kubectl annotate` and `kubectl label`: add `key=value`, remove `key-`, refuse to change an existing key without
 * `--overwrite`, `--list`. Models kubectl pkg/cmd/annotate/annotate.go and pkg/cmd/label/label.go (v1.34), with
 * cmdutil.ParsePairs for the argument syntax and their error texts; the change is sent as a merge patch, so the
 * API server validates the resulting keys.
 */
import type { KubeObject } from '../../sim/types';
import type { KubectlCommand, RunOptions } from '../command';
import { allNamespacesFlag, filenameFlag, newOutput, result, selectorFlag } from '../command';
import { notFound } from '../../sim/errors';
import { formatError } from '../errors';
import { listTarget, resolveTargets, UsageError } from '../targets';
import { typedName } from '../resources';

/** Models cmdutil.ParsePairs: `k=v` adds, `k-` removes, anything else is invalid. */
export function parsePairs(args: string[], pairType: string): { add: Map<string, string>; remove: string[] } {
  const add = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const a of args) {
    if (a.includes('=') && a[0] !== '=') {
      const i = a.indexOf('=');
      add.set(a.slice(0, i), a.slice(i + 1));
    } else if (a.endsWith('-') && a !== '-') remove.push(a.slice(0, -1));
    else invalid.push(a);
  }
  if (invalid.length) throw new Error(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return { add, remove };
}

/** Splits args into resource words and pair words, as GetResourcesAndPairs does (pairs come after resources). */
function splitArgs(args: string[]): { resources: string[]; pairs: string[] } {
  const first = args.findIndex((a) => a.includes('=') || (a.endsWith('-') && a !== '-'));
  if (first === -1) return { resources: args, pairs: [] };
  return { resources: args.slice(0, first), pairs: args.slice(first) };
}

function metadataCommand(kind: 'annotation' | 'label'): (o: RunOptions) => ReturnType<KubectlCommand['run']> {
  const field = kind === 'annotation' ? 'annotations' : 'labels';
  return (o) => {
    const out = newOutput();
    const { resources, pairs } = splitArgs(o.args);
    const list = o.flags.list as boolean;
    let add: Map<string, string>, remove: string[];
    try {
      ({ add, remove } = parsePairs(pairs, kind));
      if (add.size === 0 && remove.length === 0 && !list) throw new Error(`at least one ${kind} update is required`);
      const both = remove.filter((k) => add.has(k));
      if (both.length) throw new Error(`can not both modify and remove the following ${kind}(s) in the same command: ${both.join(', ')}`);
    } catch (e) {
      out.err.push(formatError(e));
      return result(out, 1);
    }
    let targets;
    try {
      targets = resolveTargets(o, resources, { selector: o.flags.selector as string | undefined, all: o.flags.all as boolean, allNamespaces: o.flags['all-namespaces'] as boolean });
    } catch (e) {
      out.err.push(e instanceof UsageError ? `error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl ${kind === 'annotation' ? 'annotate' : 'label'} -h' for help and examples\n` : formatError(e));
      return result(out, 1);
    }
    if (o.flags['resource-version'] && (targets.length !== 1 || targets[0].name === '')) {
      out.err.push('error: --resource-version may only be used with a single resource\n');
      return result(out, 1);
    }
    let failed = false;
    for (const t of targets) {
      const objs = t.name === ''
        ? ((o.flags.all || o.flags.selector !== undefined) ? listTarget(o, t, o.flags.selector as string | undefined) : [])
        : [o.cluster.api.find<KubeObject>(t.type.resource, t.namespace, t.name)];
      if (t.name === '' && !(o.flags.all || o.flags.selector !== undefined)) {
        out.err.push(`error: resource(s) were provided, but no name was specified\n`);
        return result(out, 1);
      }
      for (const live of objs) {
        if (!live) { failed = true; out.err.push(formatError(notFound(t.type.resource, t.name))); continue; }
        try {
          const current: Record<string, string> = { ...(live.metadata[field] as Record<string, string> | undefined) };
          if (list) {
            // annotate/label --list print key=value in map order; Go randomises it, we sort for a stable transcript.
            for (const k of Object.keys(current).sort()) out.out.push(`${k}=${current[k]}\n`);
            continue;
          }
          if (!o.flags.overwrite) {
            const clashes = [...add.keys()].filter((k) => k in current && !(kind === 'annotation' && k === 'kubernetes.io/change-cause'));
            if (clashes.length) {
              throw new Error(kind === 'annotation'
                ? `--overwrite is false but found the following declared annotation(s): ${clashes.map((k) => `'${k}' already has a value (${current[k]})`).join('; ')}`
                : clashes.map((k) => `'${k}' already has a value (${current[k]}), and --overwrite is false`).join(', '));
            }
          }
          // label.go tells which keys to remove were not there (annotate says nothing).
          if (kind === 'label') for (const k of remove) if (!(k in current)) out.out.push(`label "${k}" not found.\n`);
          const next = { ...current };
          for (const [k, v] of add) next[k] = v;
          for (const k of remove) delete next[k];
          // The change goes as a merge patch (jsonpatch.CreateMergePatch of old and new): removed keys become null.
          const delta: Record<string, string | null> = {};
          for (const k of new Set([...Object.keys(current), ...Object.keys(next)])) if (current[k] !== next[k]) delta[k] = k in next ? next[k] : null;
          const rv = o.flags['resource-version'] as string | undefined;
          const patch = { metadata: { [field]: delta, ...(rv ? { resourceVersion: rv } : {}) } };
          const changed = JSON.stringify(next) !== JSON.stringify(current);
          if (changed || rv) o.cluster.api.patch(t.type.resource, live.metadata.namespace, live.metadata.name!, patch);
          const verb = kind === 'annotation' ? 'annotated' : changed ? 'labeled' : 'not labeled';
          out.out.push(`${typedName(t.type, live.metadata.name!)} ${verb}\n`);
        } catch (e) { failed = true; out.err.push(formatError(e)); }
      }
    }
    return result(out, failed ? 1 : 0);
  };
}

const sharedFlags = (kind: string) => [
  { name: 'overwrite', type: 'bool' as const, default: false, usage: `If true, allow ${kind}s to be overwritten, otherwise reject ${kind} updates that overwrite existing ${kind}s.` },
  { name: 'all', type: 'bool' as const, default: false, usage: 'Select all resources, in the namespace of the specified resource types.' },
  { name: 'list', type: 'bool' as const, default: false, usage: `If true, display the ${kind}s for a given resource.` },
  { name: 'resource-version', type: 'string' as const, usage: `If non-empty, the ${kind} update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.` },
  filenameFlag, selectorFlag, allNamespacesFlag,
];

export const annotateCommand: KubectlCommand = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  usage: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: sharedFlags('annotation'),
  run: metadataCommand('annotation'),
};

export const labelCommand: KubectlCommand = {
  name: 'label',
  short: 'Update the labels on a resource',
  usage: 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: sharedFlags('label'),
  run: metadataCommand('label'),
};
