/**
 * Decoding a Pod body: what the apiserver's JSON decoder does to its quantities (Quantity.UnmarshalJSON), v1.34.
 */
import type { Pod } from '../types';
import { decodeError } from '../errors';
import { QuantityParseError, unmarshalQuantity } from '../quantity';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map((x) => obj(x)).filter((x): x is Obj => x !== undefined) : []);
const sorted = (o: Obj) => Object.keys(o).sort();

/**
 * Parses every quantity of a Pod as the apiserver's JSON decoder does and rewrites it in canonical form (String()).
 * Throws the apiserver's BadRequest for the first unparsable one, in the order of the JSON kubectl sends (sorted keys):
 * `Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '...'`.
 * Also writes `divisor: "0"` into resourceFieldRefs without one, as the non-pointer Quantity always serializes.
 */
export function decodePodQuantities(pod: Pod): void {
  const decode = (holder: Obj, key: string) => {
    if (!(key in holder) || holder[key] === undefined) return;
    try {
      holder[key] = unmarshalQuantity(holder[key]).toString();
    } catch (e) {
      if (e instanceof QuantityParseError) throw decodeError('Pod', 'v1', e.message);
      throw e;
    }
  };
  const resourceList = (l: unknown) => { const m = obj(l); if (m) for (const k of sorted(m)) decode(m, k); };
  const requirements = (r: unknown) => { const m = obj(r); if (m) { resourceList(m.limits); resourceList(m.requests); } };
  const fieldRef = (ref: unknown) => { const m = obj(ref); if (m) { m.divisor ??= '0'; decode(m, 'divisor'); } };
  const spec = obj(pod.spec);
  if (!spec) return;
  for (const key of ['containers', 'ephemeralContainers', 'initContainers']) {
    for (const c of list(spec[key])) {
      for (const e of list(c.env)) fieldRef(obj(e.valueFrom)?.resourceFieldRef);
      requirements(c.resources);
    }
  }
  resourceList(spec.overhead);
  requirements(spec.resources);
  for (const v of list(spec.volumes)) {
    for (const item of list(obj(v.downwardAPI)?.items)) fieldRef(item.resourceFieldRef);
    const emptyDir = obj(v.emptyDir);
    if (emptyDir?.sizeLimit === null) delete emptyDir.sizeLimit; // a *Quantity: null leaves it unset
    if (emptyDir) decode(emptyDir, 'sizeLimit');
    requirements(obj(obj(obj(v.ephemeral)?.volumeClaimTemplate)?.spec)?.resources);
    for (const s of list(obj(v.projected)?.sources)) for (const item of list(obj(s.downwardAPI)?.items)) fieldRef(item.resourceFieldRef);
  }
}

type GoType = 'string' | 'int32' | 'int64' | 'bool' | '[]string' | { struct: string; fields: Record<string, GoType> } | { list: GoType };

// The Go types of the Pod fields a course touches, for the apiserver's typed JSON decode (sigs.k8s.io/json, whose
// errors read as encoding/json's UnmarshalTypeError: `json: cannot unmarshal number into Go struct field
// Container.spec.containers.name of type string`).
const probe: GoType = { struct: 'Probe', fields: { initialDelaySeconds: 'int32', timeoutSeconds: 'int32', periodSeconds: 'int32', successThreshold: 'int32', failureThreshold: 'int32', terminationGracePeriodSeconds: 'int64' } };
const container: GoType = {
  struct: 'Container',
  fields: {
    name: 'string', image: 'string', imagePullPolicy: 'string', command: '[]string', args: '[]string', workingDir: 'string',
    ports: { list: { struct: 'ContainerPort', fields: { name: 'string', containerPort: 'int32', hostPort: 'int32', protocol: 'string', hostIP: 'string' } } },
    env: { list: { struct: 'EnvVar', fields: { name: 'string', value: 'string' } } },
    livenessProbe: probe, readinessProbe: probe, startupProbe: probe,
    terminationMessagePath: 'string', terminationMessagePolicy: 'string', restartPolicy: 'string', stdin: 'bool', tty: 'bool',
  },
};
const podSpec: GoType = {
  struct: 'PodSpec',
  fields: {
    containers: { list: container }, initContainers: { list: container }, restartPolicy: 'string', nodeName: 'string',
    terminationGracePeriodSeconds: 'int64', activeDeadlineSeconds: 'int64', schedulerName: 'string', serviceAccountName: 'string',
    dnsPolicy: 'string', hostNetwork: 'bool', priorityClassName: 'string', automountServiceAccountToken: 'bool',
  },
};

const jsonKind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v);

/**
 * The typed half of decoding a Pod body: a field of the wrong JSON type is refused with the BadRequest the apiserver
 * answers (`Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal …`), checked in sorted key order
 * as kubectl's JSON arrives. null decodes to the zero value, as encoding/json leaves it.
 */
export function decodePodTypes(pod: Pod): void {
  const fail = (value: unknown, struct: string, path: string, type: string) => {
    throw decodeError('Pod', 'v1', `json: cannot unmarshal ${jsonKind(value)} into Go struct field ${struct}.${path} of type ${type}`);
  };
  const check = (v: unknown, t: GoType, struct: string, path: string) => {
    if (v === null || v === undefined) return;
    if (t === 'string') { if (typeof v !== 'string') fail(v, struct, path, 'string'); return; }
    if (t === 'bool') { if (typeof v !== 'boolean') fail(v, struct, path, 'bool'); return; }
    if (t === 'int32' || t === 'int64') { if (typeof v !== 'number' || !Number.isInteger(v)) fail(v, struct, path, t); return; }
    if (t === '[]string') {
      if (!Array.isArray(v)) { fail(v, struct, path, '[]string'); return; }
      for (const x of v) if (x !== null && typeof x !== 'string') fail(x, struct, path, 'string');
      return;
    }
    if ('list' in t) {
      const item = t.list;
      if (!Array.isArray(v)) { fail(v, struct, path, typeof item === 'object' && 'struct' in item ? `[]v1.${item.struct}` : '[]string'); return; }
      for (const x of v) check(x, t.list, struct, path);
      return;
    }
    if (typeof v !== 'object' || Array.isArray(v)) { fail(v, struct, path, `v1.${t.struct}`); return; }
    for (const k of Object.keys(v).sort()) if (k in t.fields) check((v as Obj)[k], t.fields[k], t.struct, `${path}.${k}`);
  };
  check(pod.spec, podSpec, 'Pod', 'spec');
}
