/**
 * `kubectl apply -f` (client-side apply) and `kubectl create -f`.
 * Models kubectl pkg/cmd/apply/apply.go and pkg/util/apply.go (v1.34): the last-applied-configuration annotation is
 * the object as given (namespace filled in, the annotation itself left out) marshalled as JSON with sorted keys and
 * a trailing newline; an existing object is three-way merged (last applied, new config, live) and reported
 * `configured` or `unchanged`. Lists of named items (containers, volumes, env...) merge by name as strategic merge
 * patch does for the fields a Pod course touches.
 */
import { clone } from '../../sim/apiserver';
import type { KubeObject } from '../../sim/types';
import type { KubectlCommand, RunOptions } from '../command';
import { filenameFlag, dryRunFlag, outputFlag, validateFlag, validationDirective, newOutput, result } from '../command';
import type { WriteOptions } from '../../sim/apiserver';
import { readManifests } from '../manifest';
import { resourceForKind, typedName } from '../resources';
import { addSourceToErr, formatError } from '../errors';
import { goJsonMarshal } from '../printers/json';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The last-applied-configuration value for a config object. */
export function lastAppliedFor(config: KubeObject): string {
  const c = clone(config);
  if (c.metadata.annotations) {
    delete c.metadata.annotations[LAST_APPLIED];
    if (Object.keys(c.metadata.annotations).length === 0) delete c.metadata.annotations;
  }
  // util.GetModifiedConfiguration: runtime.Encode with the unstructured JSON scheme, i.e. json.Marshal plus a newline.
  return `${goJsonMarshal(c)}\n`;
}

function withLastApplied(config: KubeObject): KubeObject {
  const annotated = clone(config);
  annotated.metadata.annotations = { ...(annotated.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedFor(config) };
  return annotated;
}

const named = (a: unknown[]) => a.every((x) => isObj(x) && typeof x.name === 'string');

/** Three-way merge: fields set in `config` win, fields dropped since `last` are removed, server-set fields stay. */
export function threeWayMerge(live: unknown, config: unknown, last: unknown): unknown {
  if (isObj(live) && isObj(config)) {
    const out: Obj = { ...live };
    for (const k of Object.keys(config)) out[k] = threeWayMerge(live[k], config[k], isObj(last) ? last[k] : undefined);
    if (isObj(last)) for (const k of Object.keys(last)) if (!(k in config)) delete out[k];
    return out;
  }
  if (Array.isArray(live) && Array.isArray(config) && named(live) && named(config)) {
    const byName = (a: unknown[], n: unknown) => a.find((x) => (x as Obj).name === n);
    const lastArr = Array.isArray(last) ? last : [];
    const merged = config.map((c) => threeWayMerge(byName(live, (c as Obj).name), c, byName(lastArr, (c as Obj).name)));
    const kept = live.filter((l) => !byName(config, (l as Obj).name) && !byName(lastArr, (l as Obj).name));
    return [...merged, ...kept];
  }
  return config;
}

/** `opts`: the request options kubectl sends (`--dry-run=server`, the `--validate` directive, where warnings go). */
function applyOne(o: RunOptions, obj: KubeObject, source: string, create: boolean, opts: WriteOptions): string {
  const type = resourceForKind(o.cluster, obj.kind);
  const name = obj.metadata?.name ?? '';
  if (!type) {
    throw new Error(`resource mapping not found for name: "${name}" namespace: "${obj.metadata?.namespace ?? ''}" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`);
  }
  const config = clone(obj);
  config.metadata = config.metadata ?? {};
  if (type.namespaced) config.metadata.namespace = config.metadata.namespace ?? o.namespace;
  // A client dry run sends nothing: kubectl only prints what it would have done (apply.go, create.go), so the
  // server's decode, validation and admission do not happen.
  const clientDryRun = o.flags['dry-run'] === 'client';
  const dryRun = clientDryRun || opts.dryRun;
  const suffix = dryRun ? ' (dry run)' : '';
  if (create) {
    // --save-config records the same annotation apply would, so a later apply can three-way merge.
    const toCreate = o.flags['save-config'] ? withLastApplied(config) : config;
    try { if (!clientDryRun) o.cluster.api.create(type.resource, toCreate, opts); } catch (e) { throw addSourceToErr('creating', source, e); }
    return `${typedName(type, config.metadata.name ?? name)} created${suffix}\n`;
  }
  const annotated = withLastApplied(config);
  const live = name ? o.cluster.api.find<KubeObject>(type.resource, config.metadata.namespace, name) : undefined;
  if (!live) {
    try { if (!clientDryRun) o.cluster.api.create(type.resource, annotated, opts); } catch (e) { throw addSourceToErr('creating', source, e); }
    return `${typedName(type, name)} created${suffix}\n`;
  }
  let warning = '';
  const lastText = live.metadata.annotations?.[LAST_APPLIED];
  if (lastText === undefined) {
    warning = `Warning: resource ${type.resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
  }
  let last: unknown;
  try { last = lastText ? JSON.parse(lastText) : undefined; } catch { last = undefined; }
  const desired = threeWayMerge(live, annotated, last) as KubeObject;
  if (goJsonMarshal(desired) === goJsonMarshal(live)) return `${warning}${typedName(type, name)} unchanged${suffix}\n`;
  if (!dryRun) {
    try { o.cluster.api.update(type.resource, { ...desired, metadata: { ...desired.metadata, resourceVersion: live.metadata.resourceVersion } }, opts); } catch (e) { throw addSourceToErr('patching', source, e); }
  }
  return `${warning}${typedName(type, name)} configured${suffix}\n`;
}

function applyOrCreate(create: boolean) {
  return (o: RunOptions) => {
    const out = newOutput();
    const files = o.flags.filename as string[];
    if (files.length === 0) {
      out.err.push('error: must specify one of -f and -k\n');
      return result(out, 1);
    }
    let fieldValidation: WriteOptions['fieldValidation'];
    try { fieldValidation = validationDirective(o.flags); } catch (e) { out.err.push(formatError(e)); return result(out, 1); }
    let objects;
    try { objects = readManifests(files, o.ctx.fs, o.ctx.stdin); } catch (e) { out.err.push(formatError(e)); return result(out, 1); }
    let failed = false;
    for (const m of objects) {
      try {
        const warnings: string[] = [];
        let line: string;
        try { line = applyOne(o, m.object, m.source, create, { dryRun: o.flags['dry-run'] === 'server', fieldValidation, warnings }); } finally { for (const w of warnings) out.err.push(`Warning: ${w}\n`); }
        const warn = line.startsWith('Warning:') ? line.slice(0, line.indexOf('\n') + 1) : '';
        if (warn) out.err.push(warn);
        out.out.push(line.slice(warn.length));
      } catch (e) { failed = true; out.err.push(formatError(e)); }
    }
    if (objects.length === 0) { out.err.push('error: no objects passed to ' + (create ? 'create' : 'apply') + '\n'); failed = true; }
    return result(out, failed ? 1 : 0);
  };
}

export const applyCommand: KubectlCommand = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: [filenameFlag, dryRunFlag, outputFlag, validateFlag],
  run: applyOrCreate(false),
};

export const createCommand: KubectlCommand = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  usage: 'kubectl create -f FILENAME [options]',
  flags: [filenameFlag, dryRunFlag, outputFlag, validateFlag, { name: 'save-config', type: 'bool', default: false, usage: 'If true, the configuration of current object will be saved in its annotation.' }],
  run: applyOrCreate(true),
};
