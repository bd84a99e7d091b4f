/**
 * Resource type names as kubectl resolves them through discovery: plural, singular, short names, Kind,
 * case-insensitive, optionally `TYPE.VERSION`. Models the RESTMapper lookups in cli-runtime's builder.
 */
import type { ResourceType } from '../sim/apiserver';
import type { Cluster } from '../sim/cluster';

/** The resource type `name` refers to, or undefined (kubectl: `the server doesn't have a resource type "x"`). */
export function resolveResource(cluster: Cluster, name: string): ResourceType | undefined {
  const n = name.toLowerCase().replace(/\.v1$/, '');
  for (const t of cluster.api.types.values()) {
    if (t.resource === n || t.singular === n || t.shortNames.includes(n) || t.kind.toLowerCase() === n) return t;
  }
  return undefined;
}

/** The resource type for a Kind (manifests name kinds, not resources). */
export function resourceForKind(cluster: Cluster, kind: string): ResourceType | undefined {
  for (const t of cluster.api.types.values()) if (t.kind === kind) return t;
  return undefined;
}

/** `pod/pod-example`, as kubectl's name printer writes objects (lowercase kind, group omitted for core). */
export function typedName(t: ResourceType, name: string): string {
  return `${t.kind.toLowerCase()}/${name}`;
}
