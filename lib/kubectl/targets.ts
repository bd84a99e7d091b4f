/**
 * Resolving `TYPE NAME...`, `TYPE/NAME...` and `-f FILE` arguments into API objects, as cli-runtime's
 * resource.Builder does for get, describe, annotate, label and delete.
 */
import type { ResourceType } from '../sim/apiserver';
import type { KubeObject } from '../sim/types';
import type { RunOptions } from './command';
import { readManifests } from './manifest';
import { resolveResource, resourceForKind } from './resources';

export interface Target { type: ResourceType; namespace: string | undefined; name: string }

export class UsageError extends Error {}

/**
 * The targets named by `args` (and `-f`). `all` selects every object of the type; `selector` filters by labels.
 * Throws Error for an unknown type or a malformed argument, with kubectl's words.
 */
export function resolveTargets(o: RunOptions, args: string[], opts: { all?: boolean; selector?: string; allNamespaces?: boolean } = {}): Target[] {
  const files = (o.flags.filename as string[] | undefined) ?? [];
  const targets: Target[] = [];
  if (files.length) {
    for (const m of readManifests(files, o.ctx.fs, o.ctx.stdin)) {
      const type = resourceForKind(o.cluster, m.object.kind);
      if (!type) throw new Error(`resource mapping not found for name: "${m.object.metadata?.name}" namespace: "" from "${m.source}": no matches for kind "${m.object.kind}" in version "${m.object.apiVersion}"\nensure CRDs are installed first`);
      targets.push({ type, namespace: type.namespaced ? (m.object.metadata?.namespace ?? o.namespace) : undefined, name: m.object.metadata?.name ?? '' });
    }
    return targets;
  }
  if (args.length === 0) throw new UsageError('You must provide one or more resources by argument or filename.');
  const ns = (t: ResourceType) => (t.namespaced ? (opts.allNamespaces ? undefined : o.namespace) : undefined);
  if (args.some((a) => a.includes('/'))) {
    for (const a of args) {
      const i = a.indexOf('/');
      if (i === -1) throw new Error(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
      const type = resolveResource(o.cluster, a.slice(0, i));
      if (!type) throw new Error(`the server doesn't have a resource type "${a.slice(0, i)}"`);
      targets.push({ type, namespace: ns(type), name: a.slice(i + 1) });
    }
    return targets;
  }
  const [typeArg, ...names] = args;
  const types = typeArg.split(',').map((t) => {
    const type = resolveResource(o.cluster, t);
    if (!type) throw new Error(`the server doesn't have a resource type "${t}"`);
    return type;
  });
  if (names.length === 0) {
    if (!opts.all && opts.selector === undefined) return types.map((type) => ({ type, namespace: ns(type), name: '' }));
    return types.map((type) => ({ type, namespace: ns(type), name: '' }));
  }
  for (const type of types) for (const name of names) targets.push({ type, namespace: ns(type), name });
  return targets;
}

/** Whether `labels` match an equality-based selector (`a=b,c!=d,e`). Set-based selectors arrive in issue #4. */
export function matchesSelector(labels: Record<string, string> | undefined, selector: string | undefined): boolean {
  if (!selector) return true;
  const l = labels ?? {};
  return selector.split(',').map((s) => s.trim()).filter(Boolean).every((req) => {
    const ne = req.split('!=');
    if (ne.length === 2) return l[ne[0].trim()] !== ne[1].trim();
    const eq = req.split(/==?/);
    if (eq.length === 2) return l[eq[0].trim()] === eq[1].trim();
    if (req.startsWith('!')) return !(req.slice(1) in l);
    return req in l;
  });
}

/** Lists the objects of a name-less target. */
export function listTarget<T extends KubeObject>(o: RunOptions, t: Target, selector?: string): T[] {
  return o.cluster.api.list<T>(t.type.resource, t.namespace).filter((obj) => matchesSelector(obj.metadata.labels, selector));
}
