/**
 * The simulated API server with its etcd (STYLE.md §3): the only mutable state of a cluster.
 * Every write bumps a cluster-wide resourceVersion, stored objects are frozen (readers get them as-is, writers
 * clone), and watchers hear ADDED / MODIFIED / DELETED synchronously — controllers only queue work on the clock.
 * Models k8s.io/apiserver/pkg/registry/generic/registry/store.go (Create, Update, Delete with graceful deletion).
 */
import type { KubeObject } from './types';
import type { VirtualClock } from './clock';
import type { Random } from './random';
import { ApiError, alreadyExists, conflict, invalid, notFound, badRequest, type FieldError } from './errors';
import { rfc3339 } from './time';
import { decodeObject, strictDecodingError } from './schema/decode';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface WatchEvent<T extends KubeObject = KubeObject> { type: WatchEventType; object: T }

/** Per-resource behaviour, as a registry strategy in the apiserver (defaulting, validation, graceful delete). */
export interface ResourceStrategy<T extends KubeObject = KubeObject> {
  /** Fills defaults on create (mutates its argument, a private copy). */
  prepareForCreate?(obj: T, ctx: { random: Random; now: number }): void;
  validate?(obj: T): FieldError[];
  /** On update, before validation: decode and default the body, run update admission (mutates obj). */
  prepareForUpdate?(obj: T, old: T): void;
  /** On update: returns field errors for forbidden changes (e.g. pod spec immutability). */
  validateUpdate?(obj: T, old: T): FieldError[];
  /** Whether a spec change bumps metadata.generation. */
  specChanged?(obj: T, old: T): boolean;
  /** Grace period for a delete; undefined → delete at once. Models CheckGracefulDelete. */
  gracePeriod?(obj: T, requested: number | undefined): number | undefined;
}

export interface ResourceType {
  /** Plural, lowercase: `pods`. */
  resource: string;
  /** `Pod`. */
  kind: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  apiVersion: string;
  strategy?: ResourceStrategy;
}

export interface DeleteOptions { gracePeriodSeconds?: number; dryRun?: boolean }

/**
 * A write's request options. `fieldValidation` is the query parameter kubectl sends (`--validate`, default Strict):
 * when set, the body goes through the typed decode (type errors, unknown fields dropped) and unknown fields are
 * refused (Strict), reported as warnings (Warn, into `warnings`) or dropped silently (Ignore). Writes without it are
 * the simulator's own components, whose objects are well-typed.
 */
export interface WriteOptions { dryRun?: boolean; fieldValidation?: 'Strict' | 'Warn' | 'Ignore'; warnings?: string[] }

export interface ApiServer {
  readonly types: ReadonlyMap<string, ResourceType>;
  create<T extends KubeObject>(resource: string, obj: T, opts?: WriteOptions): T;
  get<T extends KubeObject>(resource: string, namespace: string | undefined, name: string): T;
  /** Like get, but undefined instead of NotFound. */
  find<T extends KubeObject>(resource: string, namespace: string | undefined, name: string): T | undefined;
  /** Items in etcd key order (namespace, then name). `namespace` undefined = all namespaces. */
  list<T extends KubeObject>(resource: string, namespace?: string): T[];
  /** Full update of spec/metadata with optimistic concurrency on metadata.resourceVersion (if set). */
  update<T extends KubeObject>(resource: string, obj: T, opts?: WriteOptions): T;
  /**
   * JSON merge patch (RFC 7386), as `kubectl annotate`/`label` send it: applied to the current object, then
   * validated like an update. A resourceVersion inside the patch makes it conditional (Conflict when stale).
   */
  patch<T extends KubeObject>(resource: string, namespace: string | undefined, name: string, patch: Record<string, unknown>): T;
  /** Status subresource update: only `status` (and nothing else) is taken from `obj`. */
  updateStatus<T extends KubeObject>(resource: string, obj: T): T;
  /**
   * Deletes: graceful resources get deletionTimestamp/deletionGracePeriodSeconds and stay until deleted with
   * grace 0; others go at once. Returns the object as the server answered (the terminating or last state).
   */
  delete<T extends KubeObject>(resource: string, namespace: string | undefined, name: string, opts?: DeleteOptions): T;
  watch(resource: string, fn: (e: WatchEvent) => void): () => void;
  /**
   * The pods/binding subresource: sets spec.nodeName and the PodScheduled condition.
   * Models pkg/registry/core/pod/storage/storage.go assignPod / setPodNodeAndMetadata.
   */
  bindPod(namespace: string, name: string, nodeName: string): KubeObject;
  /** Current resourceVersion of the store. */
  resourceVersion(): string;
}

/** Deep-freezes a plain JSON-like value in place and returns it. */
export function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

/** A mutable deep copy of a stored (frozen) object. */
export function clone<T>(v: T): T {
  return structuredClone(v);
}

/** Creates an empty API server for the given resource types. */
export function createApiServer(opts: { clock: VirtualClock; random: Random; types: ResourceType[] }): ApiServer {
  const { clock, random } = opts;
  const types = new Map(opts.types.map((t) => [t.resource, t]));
  const stores = new Map<string, Map<string, KubeObject>>(opts.types.map((t) => [t.resource, new Map()]));
  const watchers = new Map<string, Set<(e: WatchEvent) => void>>();
  let rv = 1000;

  const typeOf = (resource: string): ResourceType => {
    const t = types.get(resource);
    if (!t) throw badRequest(`the server could not find the requested resource (${resource})`);
    return t;
  };
  const keyOf = (t: ResourceType, ns: string | undefined, name: string) => (t.namespaced ? `${ns ?? 'default'}/${name}` : name);
  const emit = (resource: string, type: WatchEventType, object: KubeObject) => {
    for (const fn of watchers.get(resource) ?? []) fn({ type, object });
  };
  const store = (resource: string) => stores.get(resource)!;
  const commit = <T extends KubeObject>(resource: string, t: ResourceType, obj: T, type: WatchEventType): T => {
    // ObjectMeta's maps are `omitempty`: an emptied map is not stored.
    for (const f of ['labels', 'annotations'] as const) {
      const m = obj.metadata[f];
      if (m && typeof m === 'object' && Object.keys(m).length === 0) delete obj.metadata[f];
    }
    obj.metadata.resourceVersion = String(++rv);
    deepFreeze(obj);
    store(resource).set(keyOf(t, obj.metadata.namespace, obj.metadata.name!), obj);
    emit(resource, type, obj);
    return obj;
  };
  const remove = (resource: string, t: ResourceType, obj: KubeObject): KubeObject => {
    const gone = clone(obj);
    gone.metadata.resourceVersion = String(++rv);
    deepFreeze(gone);
    store(resource).delete(keyOf(t, obj.metadata.namespace, obj.metadata.name!));
    emit(resource, 'DELETED', gone);
    return gone;
  };

  /** The request body's decode (see WriteOptions); unknown fields are removed from `obj`. */
  const decode = (t: ResourceType, obj: KubeObject, o: WriteOptions | undefined) => {
    if (!o?.fieldValidation) return;
    const unknown = decodeObject(t.kind, obj);
    if (unknown.length && o.fieldValidation === 'Strict') throw strictDecodingError(t.kind, unknown);
    if (o.fieldValidation === 'Warn') for (const f of unknown) o.warnings?.push(`unknown field "${f}"`);
  };

  const api: ApiServer = {
    types,
    create(resource, input, o) {
      const t = typeOf(resource);
      const obj = clone(input);
      decode(t, obj, o);
      obj.metadata = obj.metadata ?? {};
      const m = obj.metadata;
      if (t.namespaced) m.namespace = m.namespace || 'default';
      else delete m.namespace;
      if (!m.name && m.generateName) m.name = m.generateName + random.chars(5, 'bcdfghjklmnpqrstvwxz2456789');
      for (const f of ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds'] as const) delete m[f];
      if (!m.name) throw invalid(t.kind, '', [{ type: 'FieldValueRequired', field: 'metadata.name', detail: 'name or generateName is required' }]);
      t.strategy?.prepareForCreate?.(obj, { random, now: clock.now() });
      const errs = t.strategy?.validate?.(obj) ?? [];
      if (errs.length) throw invalid(t.kind, m.name, errs);
      if (t.namespaced && m.namespace !== 'default' && types.has('namespaces') && !store('namespaces').has(m.namespace!)) {
        throw notFound('namespaces', m.namespace!);
      }
      if (store(resource).has(keyOf(t, m.namespace, m.name))) throw alreadyExists(resource, m.name);
      m.uid = random.uuid();
      m.creationTimestamp = rfc3339(clock.now());
      if (o?.dryRun) return deepFreeze(obj);
      return commit(resource, t, obj, 'ADDED');
    },
    find(resource, namespace, name) {
      const t = typeOf(resource);
      return store(resource).get(keyOf(t, namespace, name)) as never;
    },
    get(resource, namespace, name) {
      const found = api.find(resource, namespace, name);
      if (!found) throw notFound(resource, name);
      return found as never;
    },
    list(resource, namespace) {
      const t = typeOf(resource);
      const items = [...store(resource).values()].filter((o) => !t.namespaced || namespace === undefined || o.metadata.namespace === namespace);
      return items.sort((a, b) => cmp(keyOf(t, a.metadata.namespace, a.metadata.name!), keyOf(t, b.metadata.namespace, b.metadata.name!))) as never;
    },
    update(resource, input, o) {
      const t = typeOf(resource);
      const obj = clone(input);
      decode(t, obj, o);
      const old = api.get(resource, obj.metadata.namespace, obj.metadata.name!);
      if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== old.metadata.resourceVersion) {
        throw conflict(resource, old.metadata.name!);
      }
      // Server-owned metadata and status cannot be changed through the main resource.
      for (const f of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation', 'namespace'] as const) {
        if (old.metadata[f] === undefined) delete obj.metadata[f];
        else obj.metadata[f] = old.metadata[f] as never;
      }
      if ('status' in old) (obj as KubeObject).status = clone(old.status);
      t.strategy?.prepareForUpdate?.(obj, old);
      const errs = [...(t.strategy?.validate?.(obj) ?? []), ...(t.strategy?.validateUpdate?.(obj, old) ?? [])];
      if (errs.length) throw invalid(t.kind, old.metadata.name!, errs);
      if (t.strategy?.specChanged?.(obj, old)) obj.metadata.generation = (old.metadata.generation ?? 1) + 1;
      return commit(resource, t, obj, 'MODIFIED');
    },
    patch(resource, namespace, name, patch) {
      const current = api.get(resource, namespace, name);
      const merged = mergePatch(clone(current), patch) as KubeObject;
      const rv = (patch.metadata as { resourceVersion?: string } | undefined)?.resourceVersion;
      merged.metadata.resourceVersion = rv ?? current.metadata.resourceVersion;
      return api.update(resource, merged) as never;
    },
    updateStatus(resource, input) {
      const t = typeOf(resource);
      const old = api.get(resource, input.metadata.namespace, input.metadata.name!);
      const obj = clone(old);
      obj.status = clone(input.status);
      return commit(resource, t, obj, 'MODIFIED') as never;
    },
    delete(resource, namespace, name, o) {
      const t = typeOf(resource);
      const old = api.get(resource, namespace, name);
      const grace = t.strategy?.gracePeriod?.(old, o?.gracePeriodSeconds);
      if (o?.dryRun) return old as never;
      if (grace === undefined || grace === 0) return remove(resource, t, old) as never;
      // Models store.go BeforeDelete/updateForGracefulDeletionAndFinalizers: a second delete may only shorten the grace.
      const current = old.metadata.deletionGracePeriodSeconds;
      if (current !== undefined && current <= grace) return old as never;
      const obj = clone(old);
      obj.metadata.deletionTimestamp = rfc3339(clock.now() + grace * 1000);
      obj.metadata.deletionGracePeriodSeconds = grace;
      return commit(resource, t, obj, 'MODIFIED') as never;
    },
    watch(resource, fn) {
      typeOf(resource);
      const set = watchers.get(resource) ?? new Set();
      watchers.set(resource, set);
      set.add(fn);
      return () => set.delete(fn);
    },
    bindPod(namespace, name, nodeName) {
      const t = typeOf('pods');
      const old = api.get<KubeObject & { spec: { nodeName?: string }; status?: { conditions?: Array<Record<string, unknown>> } }>('pods', namespace, name);
      if (old.spec.nodeName) throw conflict('pods/binding', name);
      const obj = clone(old);
      obj.spec.nodeName = nodeName;
      const conditions = (obj.status ??= {}).conditions ?? [];
      obj.status.conditions = [...conditions.filter((c) => c.type !== 'PodScheduled'),
        { lastProbeTime: null, lastTransitionTime: rfc3339(clock.now()), status: 'True', type: 'PodScheduled', observedGeneration: obj.metadata.generation }];
      return commit('pods', t, obj, 'MODIFIED');
    },
    resourceVersion: () => String(rv),
  };
  return api;
}

/** Applies an RFC 7386 JSON merge patch to `target` (a private copy) and returns the result. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** Byte-wise string order, as etcd orders keys. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export { ApiError };
