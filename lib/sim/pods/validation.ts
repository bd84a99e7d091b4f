/**
 * Pod validation with the apiserver's field paths, messages and order, so several errors list as the apiserver
 * lists them. Models kubernetes pkg/apis/core/validation/validation.go (v1.34): ValidatePodCreate →
 * validatePodMetadataAndSpec → ValidateObjectMeta, ValidatePodSpec (ValidateVolumes, validateContainers,
 * validateInitContainers, validatePodHostNetworkDeps, validateRestartPolicy, validateDNSPolicy, ...), and
 * ValidatePodUpdate. Options are v1.34's defaults for a Pod: relaxed env var names, zero-second sleep allowed.
 *
 * Go iterates ResourceList maps in random order; errors about several resources of one list come here in key order.
 * Left out (a Pods course does not reach them): ephemeral containers, resource claims, pod-level resources, resize
 * policy, affinity, topology spread, OS-specific and AppArmor/seccomp checks, most volume sources' own fields.
 */
import type { Container, Pod, Probe } from '../types';
import { field, Stringer, type FieldError } from '../errors';
import { parseQuantity, type Quantity } from '../quantity';
import { decodePodQuantities } from './decode';
import {
  inclusiveRangeError, isConfigMapKey, isDNS1123Label, isHTTPHeaderName, isQualifiedName, isRelaxedEnvVarName,
  isValidLabelValue, isValidPortName, isValidPortNum, nameIsDNSLabel, nameIsDNSSubdomain, TotalAnnotationSizeLimitB,
} from '../validation';

type Obj = Record<string, unknown>;
type Errs = FieldError[];
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const list = <T = unknown>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const set = (v: unknown) => v !== undefined && v !== null;
const sortedKeys = (m: unknown) => Object.keys(obj(m) ?? {}).sort();

const isNegativeErrorMsg = 'must be greater than or equal to 0';
const fileModeErrorMsg = 'must be a number between 0 and 0777 (octal), both inclusive';
const MaxInt32 = 2147483647;

/** Models ValidateNonnegativeField. */
const nonNegative = (value: number, path: string): Errs => (value < 0 ? [field.invalid(path, value, isNegativeErrorMsg)] : []);

// --- metadata ---

/**
 * Errors for an object's metadata on create. Models apimachinery ValidateObjectMetaAccessor (generateName, name,
 * namespace, generation, labels, annotations, finalizers) and core's ValidateObjectMeta (validateKubeFinalizerName).
 */
export function validateObjectMeta(meta: Pod['metadata'], requiresNamespace: boolean, nameFn: (name: string, prefix: boolean) => string[], path = 'metadata'): Errs {
  const errs: Errs = [];
  const generateName = str(meta.generateName);
  if (generateName) for (const msg of nameFn(generateName, true)) errs.push(field.invalid(`${path}.generateName`, generateName, msg));
  const name = str(meta.name);
  if (!name) errs.push(field.required(`${path}.name`, 'name or generateName is required'));
  else for (const msg of nameFn(name, false)) errs.push(field.invalid(`${path}.name`, name, msg));
  if (requiresNamespace) {
    const ns = str(meta.namespace);
    if (!ns) errs.push(field.required(`${path}.namespace`));
    else for (const msg of nameIsDNSLabel(ns, false)) errs.push(field.invalid(`${path}.namespace`, ns, msg));
  }
  if (typeof meta.generation === 'number') errs.push(...nonNegative(meta.generation, `${path}.generation`));
  errs.push(...validateLabels(meta.labels, `${path}.labels`));
  errs.push(...validateAnnotations(meta.annotations, `${path}.annotations`));
  const finalizers = list(meta.finalizers).map(str);
  for (const fin of finalizers) for (const msg of isQualifiedName(fin)) errs.push(field.invalid(`${path}.finalizers`, fin, msg));
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errs.push(field.invalid(`${path}.finalizers`, finalizers, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  // core's ValidateObjectMeta then checks each finalizer without a '/' is a standard one (validateKubeFinalizerName).
  finalizers.forEach((fin, i) => {
    if (!fin.includes('/') && !['kubernetes', 'orphan', 'foregroundDeletion'].includes(fin)) {
      errs.push(field.invalid(`${path}.finalizers[${i}]`, fin, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return errs;
}

/** Models meta/v1/validation ValidateLabels: key and value errors at the map's path. */
export function validateLabels(labels: unknown, path: string): Errs {
  const errs: Errs = [];
  for (const [k, v] of Object.entries(obj(labels) ?? {})) {
    for (const msg of isQualifiedName(k)) errs.push(field.invalid(path, k, msg));
    for (const msg of isValidLabelValue(str(v))) errs.push(field.invalid(path, str(v), msg));
  }
  return errs;
}

/** Go's len() of a string: its UTF-8 byte count. */
const utf8Length = (s: string) => [...s].reduce((n, ch) => { const cp = ch.codePointAt(0)!; return n + (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4); }, 0);

/** Models apimachinery ValidateAnnotations: keys are qualified names (case-insensitive), 256 KiB in total. */
function validateAnnotations(annotations: unknown, path: string): Errs {
  const errs: Errs = [];
  let size = 0;
  for (const [k, v] of Object.entries(obj(annotations) ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(field.invalid(path, k, msg));
    size += utf8Length(k) + utf8Length(str(v));
  }
  if (size > TotalAnnotationSizeLimitB) {
    errs.push({ type: 'FieldValueTooLong', field: path, detail: `may not be more than ${TotalAnnotationSizeLimitB} bytes` });
  }
  return errs;
}

/** Models ValidatePodSpecificAnnotations: the mirror-pod annotation needs a node, pod-deletion-cost is an int32. */
function validatePodSpecificAnnotations(annotations: unknown, spec: Obj, path: string): Errs {
  const a = obj(annotations) ?? {};
  const errs: Errs = [];
  const mirror = 'kubernetes.io/config.mirror';
  if (mirror in a && !str(spec.nodeName)) errs.push(field.invalid(`${path}[${mirror}]`, str(a[mirror]), 'must set spec.nodeName if mirror pod annotation is set'));
  // helper.GetDeletionCostFromPodAnnotations: no '+' or leading zeros, then strconv.ParseInt(v, 10, 32).
  const cost = 'controller.kubernetes.io/pod-deletion-cost';
  if (cost in a) {
    const v = str(a[cost]);
    const validFirst = v.length > 0 && (v[0] === '-' || v === '0' || (v[0] >= '1' && v[0] <= '9'));
    const int32 = /^-?[0-9]+$/.test(v) && Number(v) >= -(2 ** 31) && Number(v) <= 2 ** 31 - 1;
    if (!validFirst || !int32) errs.push(field.invalid(`${path}[${cost}]`, v, 'must be a 32bit integer'));
  }
  return errs;
}

// --- volumes ---

/** The volume sources in upstream's order, with the path segment its "more than 1 volume type" error names. */
const VOLUME_SOURCES: Array<[json: string, child: string]> = [
  ['emptyDir', 'emptyDir'], ['hostPath', 'hostPath'], ['gitRepo', 'gitRepo'], ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'], ['secret', 'secret'], ['nfs', 'nfs'], ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'], ['flocker', 'flocker'], ['persistentVolumeClaim', 'persistentVolumeClaim'], ['rbd', 'rbd'],
  ['cinder', 'cinder'], ['cephfs', 'cephFS'], ['quobyte', 'quobyte'], ['downwardAPI', 'downwarAPI'], ['fc', 'fc'],
  ['flexVolume', 'flexVolume'], ['configMap', 'configMap'], ['azureFile', 'azureFile'], ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'], ['portworxVolume', 'portworxVolume'], ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'], ['projected', 'projected'], ['scaleIO', 'scaleIO'], ['csi', 'csi'], ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

/** The JSON names of every volume source, in upstream's order. */
export const VOLUME_SOURCE_KEYS = VOLUME_SOURCES.map(([json]) => json);

const supportedHostPathTypes = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

/** Models validatePathNoBacksteps. */
function validatePathNoBacksteps(target: string, path: string): Errs {
  return target.split('/').includes('..') ? [field.invalid(path, target, "must not contain '..'")] : [];
}

/** Models validateLocalDescendingPath. */
function validateLocalDescendingPath(target: string, path: string): Errs {
  const errs: Errs = target.startsWith('/') ? [field.invalid(path, target, 'must be a relative path')] : [];
  return [...errs, ...validatePathNoBacksteps(target, path)];
}

/** Models ValidateLocalNonReservedPath. */
function validateLocalNonReservedPath(target: string, path: string): Errs {
  const errs = validateLocalDescendingPath(target, path);
  if (target.startsWith('..') && !target.startsWith('../')) errs.push(field.invalid(path, target, "must not start with '..'"));
  return errs;
}

const badMode = (m: unknown) => typeof m === 'number' && (m > 0o777 || m < 0);

/** Models validateKeyToPath. */
function validateKeyToPath(kp: Obj, path: string): Errs {
  const errs: Errs = [];
  if (!str(kp.key)) errs.push(field.required(`${path}.key`));
  if (!str(kp.path)) errs.push(field.required(`${path}.path`));
  errs.push(...validateLocalNonReservedPath(str(kp.path), `${path}.path`));
  if (badMode(kp.mode)) errs.push(field.invalid(`${path}.mode`, kp.mode, fileModeErrorMsg));
  return errs;
}

/** Models validateSecretVolumeSource / validateConfigMapVolumeSource. */
function validateKeyedVolumeSource(src: Obj, nameKey: 'secretName' | 'name', path: string): Errs {
  const errs: Errs = [];
  if (!str(src[nameKey])) errs.push(field.required(`${path}.${nameKey}`));
  if (badMode(src.defaultMode)) errs.push(field.invalid(`${path}.defaultMode`, src.defaultMode, fileModeErrorMsg));
  list<Obj>(src.items).forEach((kp, i) => errs.push(...validateKeyToPath(obj(kp) ?? {}, `${path}.items[${i}]`)));
  return errs;
}

const validVolumeDownwardAPIFieldPaths = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];
const validEnvDownwardAPIFieldPaths = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
const validContainerResourceFieldPaths = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];

/** Models validateDownwardAPIVolumeFile. */
function validateDownwardAPIVolumeFile(file: Obj, path: string): Errs {
  const errs: Errs = [];
  if (!str(file.path)) errs.push(field.required(`${path}.path`));
  errs.push(...validateLocalNonReservedPath(str(file.path), `${path}.path`));
  if (obj(file.fieldRef)) {
    errs.push(...validateObjectFieldSelector(obj(file.fieldRef)!, validVolumeDownwardAPIFieldPaths, `${path}.fieldRef`));
    if (obj(file.resourceFieldRef)) errs.push(field.invalid(path, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
  } else if (obj(file.resourceFieldRef)) {
    errs.push(...validateContainerResourceFieldSelector(obj(file.resourceFieldRef)!, `${path}.resourceFieldRef`, true));
  } else {
    errs.push(field.required(path, 'one of fieldRef and resourceFieldRef is required'));
  }
  if (badMode(file.mode)) errs.push(field.invalid(`${path}.mode`, file.mode, fileModeErrorMsg));
  return errs;
}

/** Models validateProjectionSources (without clusterTrustBundle's own checks). Some paths name the volume, as upstream's do. */
function validateProjectionSources(src: Obj, path: string): Errs {
  const errs: Errs = [];
  const allPaths = new Set<string>();
  const claimPath = (p: string, badValue: string) => {
    if (!p) return;
    if (allPaths.has(p)) errs.push(field.invalid(path, badValue, 'conflicting duplicate paths'));
    else allPaths.add(p);
  };
  list(src.sources).forEach((s, i) => {
    const one = obj(s) ?? {};
    const sp = `${path}.sources[${i}]`;
    let numSources = 0;
    for (const kind of ['secret', 'configMap']) {
      const ref = obj(one[kind]);
      if (!ref) continue;
      numSources++;
      if (!str(ref.name)) errs.push(field.required(`${sp}.${kind}.name`));
      list(ref.items).forEach((kp, j) => {
        errs.push(...validateKeyToPath(obj(kp) ?? {}, `${sp}.${kind}.items[${j}]`));
        claimPath(str(obj(kp)?.path), str(ref.name));
      });
    }
    const dapi = obj(one.downwardAPI);
    if (dapi) {
      numSources++;
      for (const f of list(dapi.items)) {
        errs.push(...validateDownwardAPIVolumeFile(obj(f) ?? {}, `${sp}.downwardAPI`));
        claimPath(str(obj(f)?.path), str(obj(f)?.path));
      }
    }
    const token = obj(one.serviceAccountToken);
    if (token) {
      numSources++;
      const exp = Number(token.expirationSeconds ?? 0);
      if (exp < 10 * 60) errs.push(field.invalid(`${sp}.serviceAccountToken.expirationSeconds`, exp, 'may not specify a duration less than 10 minutes'));
      if (exp > 2 ** 32) errs.push(field.invalid(`${sp}.serviceAccountToken.expirationSeconds`, exp, 'may not specify a duration larger than 2^32 seconds'));
      if (!str(token.path)) errs.push(field.required(`${path}.path`));
      else errs.push(...validateLocalNonReservedPath(str(token.path), `${path}.path`));
    }
    if (obj(one.clusterTrustBundle)) numSources++;
    if (numSources > 1) errs.push(field.forbidden(sp, 'may not specify more than 1 volume type per source'));
  });
  return errs;
}

/** Models validateVolumeSource for the sources a Pods course uses; the others are only counted. */
function validateVolumeSource(vol: Obj, path: string): Errs {
  const errs: Errs = [];
  let numVolumes = 0;
  for (const [key, child] of VOLUME_SOURCES) {
    const src = obj(vol[key]);
    if (!src) continue;
    if (numVolumes > 0) { errs.push(field.forbidden(`${path}.${child}`, 'may not specify more than 1 volume type')); continue; }
    numVolumes++;
    const p = `${path}.${key}`;
    switch (key) {
      case 'emptyDir': {
        const limit = set(src.sizeLimit) ? parseQuantity(str(src.sizeLimit)) : undefined;
        if (limit && limit.sign() < 0) errs.push(field.forbidden(`${p}.sizeLimit`, 'SizeLimit field must be a valid resource quantity'));
        break;
      }
      case 'hostPath':
        if (!str(src.path)) { errs.push(field.required(`${p}.path`)); break; }
        errs.push(...validatePathNoBacksteps(str(src.path), `${p}.path`));
        if (set(src.type) && !supportedHostPathTypes.includes(str(src.type))) errs.push(field.notSupported(`${p}.type`, str(src.type), supportedHostPathTypes));
        break;
      case 'secret': errs.push(...validateKeyedVolumeSource(src, 'secretName', p)); break;
      case 'configMap': errs.push(...validateKeyedVolumeSource(src, 'name', p)); break;
      case 'persistentVolumeClaim': if (!str(src.claimName)) errs.push(field.required(`${p}.claimName`)); break;
      case 'nfs':
        if (!str(src.server)) errs.push(field.required(`${p}.server`));
        if (!str(src.path)) errs.push(field.required(`${p}.path`));
        if (!str(src.path).startsWith('/')) errs.push(field.invalid(`${p}.path`, str(src.path), 'must be an absolute path'));
        break;
      case 'downwardAPI':
        if (badMode(src.defaultMode)) errs.push(field.invalid(`${p}.defaultMode`, src.defaultMode, fileModeErrorMsg));
        for (const f of list(src.items)) errs.push(...validateDownwardAPIVolumeFile(obj(f) ?? {}, p)); // upstream passes the volume's path
        break;
      case 'projected':
        if (badMode(src.defaultMode)) errs.push(field.invalid(`${p}.defaultMode`, src.defaultMode, fileModeErrorMsg));
        errs.push(...validateProjectionSources(src, p));
        break;
    }
  }
  if (numVolumes === 0) errs.push(field.required(path, 'must specify a volume type'));
  return errs;
}

/** The valid volumes by name, and the errors. Models ValidateVolumes: a volume with errors is not registered. */
function validateVolumes(volumes: unknown, path: string): { vols: Map<string, Obj>; errs: Errs } {
  const vols = new Map<string, Obj>();
  const errs: Errs = [];
  list(volumes).forEach((v, i) => {
    const vol = obj(v) ?? {};
    const idx = `${path}[${i}]`;
    const name = str(vol.name);
    const el = validateVolumeSource(vol, idx);
    if (!name) el.push(field.required(`${idx}.name`));
    else for (const msg of isDNS1123Label(name)) el.push(field.invalid(`${idx}.name`, name, msg));
    if (vols.has(name)) el.push(field.duplicate(`${idx}.name`, name));
    if (el.length === 0) vols.set(name, vol);
    else errs.push(...el);
  });
  return { vols, errs };
}

// --- containers ---

const supportedPortProtocols = ['SCTP', 'TCP', 'UDP'];

/** Models validateContainerPorts. */
function validateContainerPorts(ports: unknown, path: string): Errs {
  const errs: Errs = [];
  const names = new Set<string>();
  list(ports).forEach((p, i) => {
    const port = obj(p) ?? {};
    const idx = `${path}[${i}]`;
    const name = str(port.name);
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) for (const m of msgs) errs.push(field.invalid(`${idx}.name`, name, m));
      else if (names.has(name)) errs.push(field.duplicate(`${idx}.name`, name));
      else names.add(name);
    }
    const cp = Number(port.containerPort ?? 0);
    if (cp === 0) errs.push(field.required(`${idx}.containerPort`));
    else for (const m of isValidPortNum(cp)) errs.push(field.invalid(`${idx}.containerPort`, cp, m));
    const hp = Number(port.hostPort ?? 0);
    if (hp !== 0) for (const m of isValidPortNum(hp)) errs.push(field.invalid(`${idx}.hostPort`, hp, m));
    const protocol = str(port.protocol);
    if (!protocol) errs.push(field.required(`${idx}.protocol`));
    else if (!supportedPortProtocols.includes(protocol)) errs.push(field.notSupported(`${idx}.protocol`, protocol, supportedPortProtocols));
  });
  return errs;
}

/** Models SplitMaybeSubscriptedPath: `metadata.labels['app']` → path and subscript. */
function splitMaybeSubscriptedPath(fieldPath: string): [string, string, boolean] {
  if (!fieldPath.endsWith("']")) return [fieldPath, '', false];
  const s = fieldPath.slice(0, -2);
  const at = s.indexOf("['");
  if (at <= 0) return [fieldPath, '', false];
  return [s.slice(0, at), s.slice(at + 2), true];
}

const convertibleFieldLabels = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName',
  'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];

/** Models validateObjectFieldSelector (with pods.ConvertDownwardAPIFieldLabel's errors). */
function validateObjectFieldSelector(fs: Obj, expressions: string[], path: string): Errs {
  const apiVersion = str(fs.apiVersion);
  const fieldPath = str(fs.fieldPath);
  if (!apiVersion) return [field.required(`${path}.apiVersion`)];
  if (!fieldPath) return [field.required(`${path}.fieldPath`)];
  let convErr = '';
  const [p0, , sub0] = splitMaybeSubscriptedPath(fieldPath);
  if (apiVersion !== 'v1') convErr = `unsupported pod version: ${apiVersion}`;
  else if (sub0 && p0 !== 'metadata.annotations' && p0 !== 'metadata.labels') convErr = `field label does not support subscript: ${fieldPath}`;
  else if (!sub0 && fieldPath !== 'spec.host' && !convertibleFieldLabels.includes(fieldPath)) convErr = `field label not supported: ${fieldPath}`;
  if (convErr) return [field.invalid(`${path}.fieldPath`, fieldPath, `error converting fieldPath: ${convErr}`)];
  const internal = fieldPath === 'spec.host' ? 'spec.nodeName' : fieldPath;
  const [p, subscript, ok] = splitMaybeSubscriptedPath(internal);
  if (ok) {
    if (p === 'metadata.annotations') return isQualifiedName(subscript.toLowerCase()).map((m) => field.invalid(path, subscript.toLowerCase(), m));
    if (p === 'metadata.labels') return isQualifiedName(subscript).map((m) => field.invalid(path, subscript, m));
    return [field.invalid(path, p, 'does not support subscript')];
  }
  if (!expressions.includes(p)) return [field.notSupported(`${path}.fieldPath`, p, expressions)];
  return [];
}

const memoryDivisors = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];
const divisorsMsg = (what: string) => `only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the ${what} resource`;
const isHugePagesFieldPath = (r: string) => r.startsWith('requests.hugepages-') || r.startsWith('limits.hugepages-');

/** Models validateContainerResourceDivisor. */
function validateContainerResourceDivisor(resource: string, divisor: Quantity | undefined, path: string): Errs {
  if (!divisor || divisor.isZero()) return [];
  const d = divisor.toString();
  const errs: Errs = [];
  const bad = (msg: string) => errs.push(field.invalid(`${path}.divisor`, resource, msg));
  switch (resource) {
    case 'limits.cpu': case 'requests.cpu':
      if (d !== '1m' && d !== '1') bad("only divisor's values 1m and 1 are supported with the cpu resource");
      break;
    case 'limits.memory': case 'requests.memory':
      if (!memoryDivisors.includes(d)) bad(divisorsMsg('memory'));
      break;
    case 'limits.ephemeral-storage': case 'requests.ephemeral-storage':
      if (!memoryDivisors.includes(d)) bad(divisorsMsg('local ephemeral storage'));
      break;
  }
  if (isHugePagesFieldPath(resource) && !memoryDivisors.includes(d)) bad(divisorsMsg('hugepages'));
  return errs;
}

/** Models validateContainerResourceFieldSelector. */
function validateContainerResourceFieldSelector(fs: Obj, path: string, volume: boolean): Errs {
  const errs: Errs = [];
  const resource = str(fs.resource);
  if (volume && !str(fs.containerName)) errs.push(field.required(`${path}.containerName`));
  else if (!resource) errs.push(field.required(`${path}.resource`));
  else if (!validContainerResourceFieldPaths.includes(resource) && !isHugePagesFieldPath(resource)) {
    errs.push(field.notSupported(`${path}.resource`, resource, validContainerResourceFieldPaths));
  }
  errs.push(...validateContainerResourceDivisor(resource, set(fs.divisor) ? parseQuantity(str(fs.divisor)) : undefined, path));
  return errs;
}

/** Models validateConfigMapKeySelector / validateSecretKeySelector. */
function validateKeySelector(s: Obj, path: string): Errs {
  const errs: Errs = nameIsDNSSubdomain(str(s.name), false).map((m) => field.invalid(`${path}.name`, str(s.name), m));
  const key = str(s.key);
  if (!key) errs.push(field.required(`${path}.key`));
  else for (const m of isConfigMapKey(key)) errs.push(field.invalid(`${path}.key`, key, m));
  return errs;
}

/** Models ValidateEnv and validateEnvVarValueFrom. */
function validateEnv(env: unknown, path: string): Errs {
  const errs: Errs = [];
  list(env).forEach((e, i) => {
    const ev = obj(e) ?? {};
    const idx = `${path}[${i}]`;
    const name = str(ev.name);
    if (!name) errs.push(field.required(`${idx}.name`));
    else for (const m of isRelaxedEnvVarName(name)) errs.push(field.invalid(`${idx}.name`, name, m));
    const from = obj(ev.valueFrom);
    if (!from) return;
    const fp = `${idx}.valueFrom`;
    let numSources = 0;
    if (obj(from.fieldRef)) { numSources++; errs.push(...validateObjectFieldSelector(obj(from.fieldRef)!, validEnvDownwardAPIFieldPaths, `${fp}.fieldRef`)); }
    if (obj(from.resourceFieldRef)) { numSources++; errs.push(...validateContainerResourceFieldSelector(obj(from.resourceFieldRef)!, `${fp}.resourceFieldRef`, false)); }
    if (obj(from.configMapKeyRef)) { numSources++; errs.push(...validateKeySelector(obj(from.configMapKeyRef)!, `${fp}.configMapKeyRef`)); }
    if (obj(from.secretKeyRef)) { numSources++; errs.push(...validateKeySelector(obj(from.secretKeyRef)!, `${fp}.secretKeyRef`)); }
    if (numSources === 0) errs.push(field.invalid(fp, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    else if (str(ev.value)) errs.push(field.invalid(fp, '', 'may not be specified when `value` is not empty'));
    else if (numSources > 1) errs.push(field.invalid(fp, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

/** Models ValidateEnvFrom. */
function validateEnvFrom(envFrom: unknown, path: string): Errs {
  const errs: Errs = [];
  list(envFrom).forEach((e, i) => {
    const ev = obj(e) ?? {};
    const idx = `${path}[${i}]`;
    const prefix = str(ev.prefix);
    if (prefix) for (const m of isRelaxedEnvVarName(prefix)) errs.push(field.invalid(`${idx}.prefix`, prefix, m));
    let numSources = 0;
    for (const key of ['configMapRef', 'secretRef']) {
      const ref = obj(ev[key]);
      if (!ref) continue;
      numSources++;
      const name = str(ref.name);
      if (!name) errs.push(field.required(`${idx}.${key}.name`));
      else for (const m of nameIsDNSSubdomain(name, true)) errs.push(field.invalid(`${idx}.${key}.name`, name, m));
    }
    if (numSources === 0) errs.push(field.invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (numSources > 1) errs.push(field.invalid(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

/** Models ValidateVolumeMounts (subPath and mountPropagation errors name the list, as upstream's do). */
function validateVolumeMounts(mounts: unknown, volumes: Map<string, Obj>, container: Container, path: string): Errs {
  const errs: Errs = [];
  const mountpoints = new Set<string>();
  list(mounts).forEach((m, i) => {
    const mnt = obj(m) ?? {};
    const idx = `${path}[${i}]`;
    const name = str(mnt.name);
    const mountPath = str(mnt.mountPath);
    if (!name) errs.push(field.required(`${idx}.name`));
    if (!volumes.has(name)) errs.push(field.notFound(`${idx}.name`, name));
    if (!mountPath) errs.push(field.required(`${idx}.mountPath`));
    if (mountpoints.has(mountPath)) errs.push(field.invalid(`${idx}.mountPath`, mountPath, 'must be unique'));
    mountpoints.add(mountPath);
    if (str(mnt.subPath)) errs.push(...validateLocalDescendingPath(str(mnt.subPath), `${path}.subPath`));
    if (str(mnt.subPathExpr)) {
      if (str(mnt.subPath)) errs.push(field.invalid(`${idx}.subPathExpr`, str(mnt.subPathExpr), 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...validateLocalDescendingPath(str(mnt.subPathExpr), `${path}.subPathExpr`));
    }
    if (set(mnt.mountPropagation)) {
      const mp = str(mnt.mountPropagation);
      const supported = ['Bidirectional', 'HostToContainer', 'None'];
      if (!supported.includes(mp)) errs.push(field.notSupported(`${path}.mountPropagation`, mp, supported));
      const privileged = obj(container.securityContext)?.privileged === true;
      if (mp === 'Bidirectional' && !privileged) errs.push(field.forbidden(`${path}.mountPropagation`, 'Bidirectional mount propagation is available only to privileged containers'));
    }
    if (set(mnt.recursiveReadOnly)) {
      const rro = str(mnt.recursiveReadOnly);
      if (rro === 'Enabled' || rro === 'IfPossible') {
        if (mnt.readOnly !== true) errs.push(field.forbidden(`${path}.recursiveReadOnly`, 'may only be specified when readOnly is true'));
        if (set(mnt.mountPropagation) && mnt.mountPropagation !== 'None') errs.push(field.forbidden(`${path}.recursiveReadOnly`, 'may only be specified when mountPropagation is None or not specified'));
      } else if (rro !== 'Disabled') errs.push(field.notSupported(`${path}.recursiveReadOnly`, rro, ['Disabled', 'IfPossible', 'Enabled']));
    }
  });
  return errs;
}

const supportedPullPolicies = ['Always', 'IfNotPresent', 'Never'];

/** Models validatePullPolicy. */
function validatePullPolicy(policy: unknown, path: string): Errs {
  const p = str(policy);
  if (supportedPullPolicies.includes(p)) return [];
  return p === '' ? [field.required(path)] : [field.notSupported(path, p, supportedPullPolicies)];
}

// pkg/apis/core/helper: resource name classes.
const standardContainerResources = ['cpu', 'memory', 'ephemeral-storage'];
const standardResources = ['cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets',
  'configmaps', 'persistentvolumeclaims', 'storage', 'requests.storage', 'services.nodeports', 'services.loadbalancers'];
const integerResources = ['pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets', 'configmaps', 'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers'];
const isHugePageResourceName = (n: string) => n.startsWith('hugepages-');
const isNativeResource = (n: string) => !n.includes('/') || n.includes('kubernetes.io/');
const isOvercommitAllowed = (n: string) => isNativeResource(n) && !isHugePageResourceName(n);
const isExtendedResourceName = (n: string) => !isNativeResource(n) && !n.startsWith('requests.') && isQualifiedName(`requests.${n}`).length === 0;
const isStandardResourceName = (n: string) => standardResources.includes(n) || n.startsWith('hugepages-') || n.startsWith('requests.hugepages-');
const isIntegerResourceName = (n: string) => integerResources.includes(n) || isExtendedResourceName(n);

/** Models validateContainerResourceName (with validateResourceName); resource names are Stringers, printed unquoted. */
function validateContainerResourceName(name: string, path: string): Errs {
  const value = new Stringer(name);
  let errs = isQualifiedName(name).map((m) => field.invalid(path, value, m));
  if (errs.length === 0 && !name.includes('/') && !isStandardResourceName(name)) {
    errs = [field.invalid(path, value, 'must be a standard resource type or fully qualified')];
  }
  if (!name.includes('/')) {
    if (!standardContainerResources.includes(name) && !isHugePageResourceName(name)) errs.push(field.invalid(path, value, 'must be a standard resource for containers'));
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errs.push(field.invalid(path, value, "doesn't follow extended resource name standard"));
  }
  return errs;
}

/** Models ValidateResourceQuantityValue (ValidateNonnegativeQuantity and the integer check). */
function validateResourceQuantityValue(name: string, q: Quantity, path: string): Errs {
  const errs: Errs = q.sign() < 0 ? [field.invalid(path, q.toString(), isNegativeErrorMsg)] : [];
  if (isIntegerResourceName(name) && q.scaledValue(-3) % 1000n !== 0n) errs.push(field.invalid(path, new Stringer(q.toString()), 'must be an integer'));
  return errs;
}

/** Models validateResourceQuantityHugePageValue with helper.IsHugePageResourceValueDivisible. */
function hugePageValueError(name: string, q: Quantity): string | undefined {
  const size = parseQuantity(name.slice('hugepages-'.length));
  const divisible = !!size && size.sign() > 0 && size.scaledValue(-3) % 1000n === 0n && q.scaledValue(0) % size.scaledValue(0) === 0n;
  return divisible ? undefined : `${q.toString()} is not positive integer multiple of ${name}`;
}

/** Models ValidateContainerResourceRequirements / validateResourceRequirements. */
export function validateResourceRequirements(resources: unknown, path: string): Errs {
  const errs: Errs = [];
  const r = obj(resources) ?? {};
  const limPath = `${path}.limits`, reqPath = `${path}.requests`;
  const limits = obj(r.limits) ?? {}, requests = obj(r.requests) ?? {};
  let limCPUMem = false, reqCPUMem = false, limHuge = false, reqHuge = false;
  for (const name of sortedKeys(limits)) {
    const p = `${limPath}[${name}]`;
    errs.push(...validateContainerResourceName(name, p));
    const q = parseQuantity(str(limits[name]));
    if (!q) continue;
    errs.push(...validateResourceQuantityValue(name, q, p));
    if (isHugePageResourceName(name)) {
      limHuge = true;
      const e = hugePageValueError(name, q);
      if (e) errs.push(field.invalid(p, q.toString(), e));
    }
    if (name === 'cpu' || name === 'memory') limCPUMem = true;
  }
  for (const name of sortedKeys(requests)) {
    const p = `${reqPath}[${name}]`;
    errs.push(...validateContainerResourceName(name, p));
    const q = parseQuantity(str(requests[name]));
    if (!q) continue;
    errs.push(...validateResourceQuantityValue(name, q, p));
    const limit = name in limits ? parseQuantity(str(limits[name])) : undefined;
    if (limit) {
      // For non overcommitable resources, not only requests can't exceed limits, they also can't be lower, i.e. must be equal.
      if (q.cmp(limit) !== 0 && !isOvercommitAllowed(name)) errs.push(field.invalid(reqPath, q.toString(), `must be equal to ${name} limit of ${limit.toString()}`));
      else if (q.cmp(limit) > 0) errs.push(field.invalid(reqPath, q.toString(), `must be less than or equal to ${name} limit of ${limit.toString()}`));
    } else if (!(name in limits) && !isOvercommitAllowed(name)) {
      errs.push(field.required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePageResourceName(name)) {
      reqHuge = true;
      const e = hugePageValueError(name, q);
      if (e) errs.push(field.invalid(p, q.toString(), e));
    }
    if (name === 'cpu' || name === 'memory') reqCPUMem = true;
  }
  if (!limCPUMem && !reqCPUMem && (reqHuge || limHuge)) errs.push(field.forbidden(path, 'HugePages require cpu or memory'));
  return errs;
}

/** Models ValidateSecurityContext (the user and group ranges; privileged is allowed as kubeadm's apiserver allows it). */
function validateSecurityContext(sc: unknown, path: string): Errs {
  const s = obj(sc);
  if (!s) return [];
  const errs: Errs = [];
  for (const key of ['runAsUser', 'runAsGroup']) {
    const id = s[key];
    if (typeof id === 'number' && (id < 0 || id > 0xffffffff)) errs.push(field.invalid(`${path}.${key}`, id, inclusiveRangeError(0, 0xffffffff)));
  }
  return errs;
}

/** Models validateContainerCommon: the checks every kind of container gets. */
function validateContainerCommon(c: Container, volumes: Map<string, Obj>, path: string): Errs {
  const errs: Errs = [];
  const name = str(c.name);
  if (!name) errs.push(field.required(`${path}.name`));
  else for (const msg of isDNS1123Label(name)) errs.push(field.invalid(`${path}.name`, name, msg));
  if (!str(c.image)) errs.push(field.required(`${path}.image`));
  const tmp = str(c.terminationMessagePolicy);
  if (tmp === '') errs.push(field.required(`${path}.terminationMessagePolicy`));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(field.notSupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']));
  errs.push(...validateContainerPorts(c.ports, `${path}.ports`));
  errs.push(...validateEnv(c.env, `${path}.env`));
  errs.push(...validateEnvFrom(c.envFrom, `${path}.envFrom`));
  errs.push(...validateVolumeMounts(c.volumeMounts, volumes, c, `${path}.volumeMounts`));
  errs.push(...validatePullPolicy(c.imagePullPolicy, `${path}.imagePullPolicy`));
  errs.push(...validateResourceRequirements(c.resources, `${path}.resources`));
  errs.push(...validateSecurityContext(c.securityContext, `${path}.securityContext`));
  return errs;
}

/** Models ValidatePortNumOrName: a number is a port number, a string a port name. */
function validatePortNumOrName(port: unknown, path: string): Errs {
  if (typeof port === 'string') return isValidPortName(port).map((m) => field.invalid(path, port, m));
  const n = Number(port ?? 0);
  return isValidPortNum(n).map((m) => field.invalid(path, n, m));
}

type Handler = Partial<Record<'exec' | 'httpGet' | 'tcpSocket' | 'grpc' | 'sleep', unknown>>;

/** Models validateHandler: exactly one of exec, httpGet, tcpSocket, grpc (probes) or sleep (lifecycle hooks). */
function validateHandler(h: Handler, gracePeriod: number | undefined, path: string): Errs {
  const errs: Errs = [];
  let numHandlers = 0;
  for (const kind of ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] as const) {
    const a = obj(h[kind]);
    if (!a) continue;
    const p = `${path}.${kind}`;
    if (numHandlers > 0) { errs.push(field.forbidden(p, 'may not specify more than 1 handler type')); continue; }
    numHandlers++;
    if (kind === 'exec' && list(a.command).length === 0) errs.push(field.required(`${p}.command`));
    if (kind === 'httpGet') {
      if (!str(a.path)) errs.push(field.required(`${p}.path`));
      errs.push(...validatePortNumOrName(a.port, `${p}.port`));
      if (!['HTTP', 'HTTPS'].includes(str(a.scheme))) errs.push(field.notSupported(`${p}.scheme`, str(a.scheme), ['HTTP', 'HTTPS']));
      for (const hdr of list(a.httpHeaders)) for (const m of isHTTPHeaderName(str(obj(hdr)?.name))) errs.push(field.invalid(`${p}.httpHeaders`, str(obj(hdr)?.name), m));
    }
    if (kind === 'tcpSocket') errs.push(...validatePortNumOrName(a.port, `${p}.port`));
    if (kind === 'grpc') errs.push(...validatePortNumOrName(Number(a.port ?? 0), `${p}.port`));
    if (kind === 'sleep') {
      // PodLifecycleSleepActionAllowZero is on in v1.34, so zero seconds are allowed.
      const seconds = Number(a.seconds ?? 0);
      if (gracePeriod !== undefined && (seconds < 0 || seconds > gracePeriod)) {
        errs.push(field.invalid(p, seconds, `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`));
      }
    }
  }
  if (numHandlers === 0) errs.push(field.required(path, 'must specify a handler type'));
  return errs;
}

/** Models validateProbe. */
function validateProbe(probe: Probe, gracePeriod: number | undefined, path: string): Errs {
  const errs = validateHandler({ exec: probe.exec, httpGet: probe.httpGet, tcpSocket: probe.tcpSocket, grpc: probe.grpc }, gracePeriod, path);
  for (const key of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    errs.push(...nonNegative(Number(probe[key] ?? 0), `${path}.${key}`));
  }
  const tgps = probe.terminationGracePeriodSeconds;
  if (typeof tgps === 'number' && tgps <= 0) errs.push(field.invalid(`${path}.terminationGracePeriodSeconds`, tgps, 'must be greater than 0'));
  return errs;
}

/** Models validateLivenessProbe, validateReadinessProbe and validateStartupProbe. */
function validateProbes(c: Container, gracePeriod: number | undefined, path: string): Errs {
  const errs: Errs = [];
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const probe = obj(c[kind]) as Probe | undefined;
    if (!probe) continue;
    const p = `${path}.${kind}`;
    errs.push(...validateProbe(probe, gracePeriod, p));
    if (kind !== 'readinessProbe' && Number(probe.successThreshold ?? 0) !== 1) errs.push(field.invalid(`${p}.successThreshold`, Number(probe.successThreshold ?? 0), 'must be 1'));
    if (kind === 'readinessProbe' && set(probe.terminationGracePeriodSeconds)) {
      errs.push(field.invalid(`${p}.terminationGracePeriodSeconds`, probe.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
    }
  }
  return errs;
}

/** Models validateLifecycle. */
function validateLifecycle(lifecycle: unknown, gracePeriod: number | undefined, path: string): Errs {
  const l = obj(lifecycle) ?? {};
  const errs: Errs = [];
  for (const hook of ['postStart', 'preStop']) {
    const h = obj(l[hook]);
    if (h) errs.push(...validateHandler({ exec: h.exec, httpGet: h.httpGet, tcpSocket: h.tcpSocket, sleep: h.sleep }, gracePeriod, `${path}.${hook}`));
  }
  return errs;
}

/** Models AccumulateUniqueHostPorts: `protocol/hostIP/hostPort` may appear once. */
function checkHostPortConflicts(containers: Container[], path: string): Errs {
  const errs: Errs = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => list(c.ports).forEach((p, pi) => {
    const port = obj(p) ?? {};
    const hp = Number(port.hostPort ?? 0);
    if (hp === 0) return;
    const key = `${str(port.protocol)}/${str(port.hostIP)}/${hp}`;
    if (seen.has(key)) errs.push(field.duplicate(`${path}[${ci}].ports[${pi}].hostPort`, key));
    else seen.add(key);
  }));
  return errs;
}

/** Models validateContainers. */
function validateContainers(containers: Container[], volumes: Map<string, Obj>, gracePeriod: number | undefined, path: string): Errs {
  if (containers.length === 0) return [field.required(path)];
  const errs: Errs = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    // Container names must be unique within the list of regular containers.
    if (names.has(str(c.name))) errs.push(field.duplicate(`${p}.name`, str(c.name)));
    else names.add(str(c.name));
    if (set(c.lifecycle)) errs.push(...validateLifecycle(c.lifecycle, gracePeriod, `${p}.lifecycle`));
    errs.push(...validateProbes(c, gracePeriod, p));
    if (set(c.restartPolicy)) errs.push(field.forbidden(`${p}.restartPolicy`, 'may not be set for non-init containers'));
  });
  errs.push(...checkHostPortConflicts(containers, path));
  return errs;
}

/** Models validateInitContainers: names unique across both lists; probes and hooks only for restartable ones. */
function validateInitContainers(inits: Container[], regular: Container[], volumes: Map<string, Obj>, gracePeriod: number | undefined, path: string): Errs {
  const errs: Errs = [];
  const names = new Set(regular.map((c) => str(c.name)));
  inits.forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    let restartAlways = false;
    if (set(c.restartPolicy)) {
      if (c.restartPolicy !== 'Always') errs.push(field.notSupported(`${p}.restartPolicy`, str(c.restartPolicy), ['Always']));
      restartAlways = c.restartPolicy === 'Always';
    }
    if (names.has(str(c.name))) errs.push(field.duplicate(`${p}.name`, str(c.name)));
    else if (str(c.name)) names.add(str(c.name));
    // Port conflicts are checked per init container, each as a one-element list (so the path says [0]).
    errs.push(...checkHostPortConflicts([c], path));
    if (restartAlways) {
      if (set(c.lifecycle)) errs.push(...validateLifecycle(c.lifecycle, gracePeriod, `${p}.lifecycle`));
      errs.push(...validateProbes(c, gracePeriod, p));
    } else {
      for (const key of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (set(c[key])) errs.push(field.forbidden(`${p}.${key}`, 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errs;
}

// --- pod spec ---

/** Models ValidateTolerations. */
function validateTolerations(tolerations: unknown, path: string): Errs {
  const errs: Errs = [];
  list(tolerations).forEach((t, i) => {
    const tol = obj(t) ?? {};
    const idx = `${path}[${i}]`;
    const key = str(tol.key), operator = str(tol.operator), value = str(tol.value), effect = str(tol.effect);
    if (key) for (const m of isQualifiedName(key)) errs.push(field.invalid(`${idx}.key`, key, m));
    if (!key && operator !== 'Exists') errs.push(field.invalid(`${idx}.operator`, operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    if (set(tol.tolerationSeconds) && effect !== 'NoExecute') errs.push(field.invalid(`${idx}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    if (operator === 'Equal' || operator === '') {
      const msgs = isValidLabelValue(value);
      if (msgs.length) errs.push(field.invalid(`${idx}.operator`, value, msgs.join(';')));
    } else if (operator === 'Exists') {
      if (value) errs.push(field.invalid(`${idx}.operator`, value, "value must be empty when `operator` is 'Exists'"));
    } else errs.push(field.notSupported(`${idx}.operator`, operator, ['Equal', 'Exists']));
    if (effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect)) {
      errs.push(field.notSupported(`${idx}.effect`, effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
    }
  });
  return errs;
}

/** Models validatePodDNSConfig (the `None` policy rules and the size limits). */
function validatePodDNSConfig(dnsConfig: unknown, dnsPolicy: string, path: string): Errs {
  const cfg = obj(dnsConfig);
  if (dnsPolicy === 'None') {
    if (!cfg) return [field.required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (list(cfg.nameservers).length === 0) return [field.required(`${path}.nameservers`, 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!cfg) return [];
  const errs: Errs = [];
  if (list(cfg.nameservers).length > 3) errs.push(field.invalid(`${path}.nameservers`, cfg.nameservers, 'must not have more than 3 nameservers'));
  if (list(cfg.searches).length > 32) errs.push(field.invalid(`${path}.searches`, cfg.searches, 'must not have more than 32 search paths'));
  list(cfg.options).forEach((o, i) => { if (!str(obj(o)?.name)) errs.push(field.required(`${path}.options[${i}]`, 'must not be empty')); });
  return errs;
}

/** Models ValidatePodSpec, in upstream's order. */
export function validatePodSpec(spec: Pod['spec'], path = 'spec'): Errs {
  const errs: Errs = [];
  if (!set(spec.terminationGracePeriodSeconds)) errs.push(field.required(`${path}.terminationGracePeriodSeconds`));
  const gracePeriod = typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : undefined;
  const { vols, errs: vErrs } = validateVolumes(spec.volumes, `${path}.volumes`);
  errs.push(...vErrs);
  const containers = list<Container>(spec.containers).map((c) => (obj(c) ?? {}) as Container);
  const inits = list<Container>(spec.initContainers).map((c) => (obj(c) ?? {}) as Container);
  errs.push(...validateContainers(containers, vols, gracePeriod, `${path}.containers`));
  errs.push(...validateInitContainers(inits, containers, vols, gracePeriod, `${path}.initContainers`));
  // validatePodHostNetworkDeps: with hostNetwork a pod's container ports must use the same host port.
  if (spec.hostNetwork === true) {
    containers.forEach((c, i) => list(c.ports).forEach((p, j) => {
      const port = obj(p) ?? {};
      const hp = Number(port.hostPort ?? 0), cp = Number(port.containerPort ?? 0);
      if (hp !== cp) errs.push(field.invalid(`${path}.containers[${i}].ports[${j}].hostPort`, hp, 'must match `containerPort` when `hostNetwork` is true'));
    }));
  }
  const rp = str(spec.restartPolicy);
  if (rp === '') errs.push(field.required(`${path}.restartPolicy`));
  else if (!['Always', 'OnFailure', 'Never'].includes(rp)) errs.push(field.notSupported(`${path}.restartPolicy`, rp, ['Always', 'OnFailure', 'Never']));
  const dns = str(spec.dnsPolicy);
  const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
  if (dns === '') errs.push(field.required(`${path}.dnsPolicy`));
  else if (!dnsPolicies.includes(dns)) errs.push(field.notSupported(`${path}.dnsPolicy`, dns, dnsPolicies));
  errs.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  const psc = obj(spec.securityContext) ?? {};
  for (const key of ['fsGroup', 'runAsUser', 'runAsGroup']) {
    const id = psc[key];
    if (typeof id === 'number' && (id < 0 || id > 0xffffffff)) errs.push(field.invalid(`${path}.securityContext.${key}`, id, inclusiveRangeError(0, 0xffffffff)));
  }
  errs.push(...validatePodDNSConfig(spec.dnsConfig, dns, `${path}.dnsConfig`));
  list(spec.readinessGates).forEach((g, i) => {
    const t = str(obj(g)?.conditionType);
    for (const m of isQualifiedName(t)) errs.push(field.invalid(`${path}.readinessGates[${i}].conditionType`, t, m));
  });
  const gates = new Set<string>();
  list(spec.schedulingGates).forEach((g, i) => {
    const n = str(obj(g)?.name);
    for (const m of isQualifiedName(n)) errs.push(field.invalid(`${path}.schedulingGates[${i}]`, n, m));
    if (gates.has(n)) errs.push(field.duplicate(`${path}.schedulingGates[${i}]`, n));
    gates.add(n);
  });
  for (const key of ['serviceAccountName', 'nodeName']) {
    const v = str(spec[key]);
    if (v) for (const m of nameIsDNSSubdomain(v, false)) errs.push(field.invalid(`${path}.${key}`, v, m));
  }
  if (typeof spec.activeDeadlineSeconds === 'number' && (spec.activeDeadlineSeconds < 1 || spec.activeDeadlineSeconds > MaxInt32)) {
    errs.push(field.invalid(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, inclusiveRangeError(1, MaxInt32)));
  }
  for (const key of ['hostname', 'subdomain']) {
    const v = str(spec[key]);
    if (v) for (const m of isDNS1123Label(v)) errs.push(field.invalid(`${path}.${key}`, v, m));
  }
  errs.push(...validateTolerations(spec.tolerations, `${path}.tolerations`));
  for (const key of ['priorityClassName', 'runtimeClassName']) {
    const v = str(spec[key]);
    if (v) for (const m of nameIsDNSSubdomain(v, false)) errs.push(field.invalid(`${path}.${key}`, v, m));
  }
  if (set(spec.preemptionPolicy)) {
    const pp = str(spec.preemptionPolicy);
    if (pp === '') errs.push(field.required(`${path}.preemptionPolicy`));
    else if (pp !== 'PreemptLowerPriority' && pp !== 'Never') errs.push(field.notSupported(`${path}.preemptionPolicy`, pp, ['PreemptLowerPriority', 'Never']));
  }
  if (obj(spec.overhead)) errs.push(...validateResourceRequirements({ limits: spec.overhead }, `${path}.overhead`));
  return errs;
}

/** Models validatePodMetadataAndSpec. */
function validatePodMetadataAndSpec(pod: Pod): Errs {
  const spec = (obj(pod.spec) ?? {}) as Pod['spec'];
  const errs = validateObjectMeta(pod.metadata ?? {}, true, nameIsDNSSubdomain);
  errs.push(...validatePodSpecificAnnotations(pod.metadata?.annotations, spec, 'metadata.annotations'));
  errs.push(...validatePodSpec(spec));
  if (!str(spec.serviceAccountName)) {
    list(spec.volumes).forEach((v, vi) => list(obj(obj(v)?.projected)?.sources).forEach((s, si) => {
      if (obj(obj(s)?.serviceAccountToken)) {
        errs.push(field.forbidden(`spec.volumes[${vi}].projected.sources[${si}].serviceAccountToken`, 'must not be specified when serviceAccountName is not set'));
      }
    }));
  }
  // validateContainersOnlyForPod
  for (const key of ['containers', 'initContainers'] as const) {
    list<Container>(spec[key]).forEach((c, i) => {
      const image = str(obj(c)?.image);
      if (image !== image.trim()) errs.push(field.invalid(`spec.${key}[${i}].image`, image, 'must not have leading or trailing whitespace'));
    });
  }
  return errs;
}

/** All validation errors for a Pod being created, after defaulting; [] when valid. Models ValidatePodCreate. */
export function validatePod(pod: Pod): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  const spec = obj(pod.spec) ?? {};
  if (list(spec.ephemeralContainers).length > 0) errs.push(field.forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  if (str(spec.nodeName) && list(spec.schedulingGates).length > 0) errs.push(field.forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  return errs;
}

// --- update ---

/** The spec fields ValidatePodUpdate lets a pod update change. */
export const updatablePodSpecFields = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

/** Models ValidateContainerUpdates: the same number of containers, each with an image. */
function validateContainerUpdates(next: unknown, prev: unknown, path: string): { errs: Errs; stop: boolean } {
  const a = list<Container>(next), b = list<Container>(prev);
  if (a.length !== b.length) return { errs: [field.forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: Errs = [];
  a.forEach((c, i) => {
    const image = str(obj(c)?.image);
    if (!image) errs.push(field.required(`${path}[${i}].image`));
    if (image.trim().length !== image.length) errs.push(field.invalid(`${path}[${i}].image`, image, 'must not have leading or trailing whitespace'));
  });
  return { errs, stop: false };
}

// Fields that are Go pointers: set-but-empty differs from unset, unlike empty slices, maps, structs and zero scalars.
const pointerFields = new Set(['securityContext', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'postStart', 'preStop', 'dnsConfig', 'affinity',
  'sleep', 'exec', 'httpGet', 'tcpSocket', 'grpc', 'emptyDir', 'hostPath', 'secret', 'configMap', 'persistentVolumeClaim', 'downwardAPI', 'projected', 'nfs', 'csi',
  'ephemeral', 'image', 'fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'valueFrom', 'os', 'sizeLimit', 'automountServiceAccountToken',
  'enableServiceLinks', 'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'shareProcessNamespace', 'priority', 'preemptionPolicy', 'runtimeClassName',
  'setHostnameAsFQDN', 'hostUsers', 'tolerationSeconds', 'defaultMode', 'mode', 'optional', 'privileged', 'runAsUser', 'runAsGroup', 'runAsNonRoot',
  'readOnlyRootFilesystem', 'allowPrivilegeEscalation', 'fsGroup']);
const quantityMaps = new Set(['limits', 'requests', 'overhead']);
const isZeroValue = (v: unknown, key: string) => v === undefined || v === null || (Array.isArray(v) && v.length === 0)
  || (!pointerFields.has(key) && (v === false || v === 0 || v === '' || (obj(v) !== undefined && Object.values(obj(v)!).every((x) => x === undefined))));

/**
 * apiequality.Semantic.DeepEqual on JSON: unset equals the Go zero value (nil or empty slice/map, empty struct, zero
 * scalar) unless the field is a pointer; quantities compare by value. `key` names the field being compared.
 */
export function semanticEqual(a: unknown, b: unknown, key = ''): boolean {
  if (isZeroValue(a, key) && isZeroValue(b, key)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]));
  const oa = obj(a), ob = obj(b);
  if (oa && ob) {
    const keys = new Set([...Object.keys(oa), ...Object.keys(ob)]);
    return [...keys].every((k) => {
      const qa = quantityMaps.has(key) ? parseQuantity(str(oa[k])) : undefined, qb = quantityMaps.has(key) ? parseQuantity(str(ob[k])) : undefined;
      if (qa && qb && set(oa[k]) && set(ob[k])) return qa.cmp(qb) === 0;
      return semanticEqual(oa[k], ob[k], k);
    });
  }
  if (key === 'sizeLimit' || key === 'divisor') {
    const qa = parseQuantity(str(a)), qb = parseQuantity(str(b));
    if (qa && qb && set(a) && set(b)) return qa.cmp(qb) === 0;
  }
  return a === b;
}

/**
 * The errors an update adds to validatePod's: container count and images, activeDeadlineSeconds, tolerations,
 * scheduling gates and spec immutability. Models the update-only part of ValidatePodUpdate (the apiserver runs
 * validatePod on the new object first). Throws the decoding BadRequest for an unparsable quantity. The immutability
 * error's text ends with upstream's go-cmp diff of the internal PodSpec types, which this simulator does not
 * reproduce: it lists the changed top-level fields instead.
 */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  // An update body that cannot be decoded is a BadRequest, whatever else is wrong with it (the apiserver decodes first).
  decodePodQuantities(structuredClone(pod));
  const errs: Errs = [];
  const spec = (obj(pod.spec) ?? {}) as Pod['spec'], oldSpec = (obj(old.spec) ?? {}) as Pod['spec'];
  const mirror = 'kubernetes.io/config.mirror';
  const na = obj(pod.metadata?.annotations) ?? {}, oa = obj(old.metadata?.annotations) ?? {};
  if (mirror in oa && na[mirror] !== oa[mirror]) errs.push(field.forbidden(`metadata.annotations[${mirror}]`, 'may not remove or update mirror pod annotation'));
  if (mirror in na && !(mirror in oa)) errs.push(field.forbidden(`metadata.annotations[${mirror}]`, 'may not add mirror pod annotation'));
  for (const key of ['containers', 'initContainers'] as const) {
    const r = validateContainerUpdates(spec[key], oldSpec[key], `spec.${key}`);
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const ads = spec.activeDeadlineSeconds, oldAds = oldSpec.activeDeadlineSeconds;
  if (typeof ads === 'number') {
    if (ads < 0 || ads > MaxInt32) return [...errs, field.invalid('spec.activeDeadlineSeconds', ads, inclusiveRangeError(0, MaxInt32))];
    if (typeof oldAds === 'number' && oldAds < ads) return [...errs, field.invalid('spec.activeDeadlineSeconds', ads, 'must be less than or equal to previous value')];
  } else if (typeof oldAds === 'number') {
    errs.push(field.invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }
  // validateOnlyAddedTolerations: every old toleration must still be there (tolerationSeconds may change).
  const newTols = list<Obj>(spec.tolerations), oldTols = list<Obj>(oldSpec.tolerations);
  const sameBut = (a: Obj, b: Obj) => semanticEqual({ ...a, tolerationSeconds: undefined }, { ...b, tolerationSeconds: undefined });
  if (!oldTols.every((o) => newTols.some((n) => sameBut(obj(o) ?? {}, obj(n) ?? {})))) {
    errs.push(field.forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'));
  } else errs.push(...validateTolerations(spec.tolerations, 'spec.tolerations'));
  // validateOnlyDeletedSchedulingGates
  const oldGates = new Set(list(oldSpec.schedulingGates).map((g) => str(obj(g)?.name)));
  list(spec.schedulingGates).forEach((g, i) => {
    const n = str(obj(g)?.name);
    if (!oldGates.has(n)) errs.push(field.forbidden(`spec.schedulingGates[${i}].name`, `only deletion is allowed, but found new scheduling gate '${n}'`));
  });
  if (semanticEqual(spec, oldSpec)) return errs;
  // Munge the updatable fields to their old values, then compare.
  const munged = structuredClone(spec) as Obj;
  for (const key of ['containers', 'initContainers'] as const) {
    list<Obj>(munged[key]).forEach((c, i) => { const prev = obj(list<Obj>(oldSpec[key])[i]); if (obj(c) && prev) c.image = prev.image; });
  }
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.schedulingGates = oldSpec.schedulingGates;
  munged.tolerations = oldSpec.tolerations;
  const oldTgps = oldSpec.terminationGracePeriodSeconds;
  if (typeof oldTgps === 'number' && oldTgps < 0 && munged.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = oldTgps;
  if (list(oldSpec.schedulingGates).length > 0 && !semanticEqual(munged.nodeSelector, oldSpec.nodeSelector)) {
    // Gated pods may add to nodeSelector (validateNodeSelectorMutation).
    const prev = obj(oldSpec.nodeSelector) ?? {}, next = obj(munged.nodeSelector) ?? {};
    for (const [k, v] of Object.entries(prev)) {
      if (next[k] !== v) errs.push(field.invalid(`spec.nodeSelector[${k}]`, str(next[k]), 'cannot be updated or removed'));
    }
    munged.nodeSelector = oldSpec.nodeSelector;
  }
  if (!semanticEqual(munged, oldSpec)) {
    const changed = [...new Set([...Object.keys(munged), ...Object.keys(oldSpec)])].filter((k) => !semanticEqual(munged[k], oldSpec[k], k)).sort();
    errs.push(field.forbidden('spec', `pod updates may not change fields other than ${updatablePodSpecFields.join(',')}\n${specDiff(oldSpec, munged as Pod['spec'], changed)}`));
  }
  return errs;
}

/** A short stand-in for upstream's cmp.Diff(oldPod.Spec, mungedPodSpec): the changed spec fields, old and new. */
function specDiff(prev: Obj, next: Obj, changed: string[]): string {
  const lines = ['  core.PodSpec{'];
  for (const k of changed) {
    if (set(prev[k])) lines.push(`- \t${k}: ${JSON.stringify(prev[k])},`);
    if (set(next[k])) lines.push(`+ \t${k}: ${JSON.stringify(next[k])},`);
  }
  lines.push('  }');
  return lines.join('\n');
}
