/**
 * What the apiserver does to a Pod before validating it, in its order:
 *  1. decoding — decodePodQuantities (./decode): every quantity parsed and written back canonically;
 *  2. scheme defaulting — setPodDefaults: pkg/apis/core/v1/defaults.go (SetDefaults_Pod, SetDefaults_PodSpec,
 *     SetDefaults_Container, SetDefaults_Volume, SetDefaults_Probe, ...) in zz_generated.defaults.go's order;
 *  3. mutating admission on create — admitPod: plugin/pkg/admission/serviceaccount, defaulttolerationseconds, priority;
 *  4. the registry's PrepareForCreate — pkg/registry/core/pod/strategy.go.
 * All v1.34. Each step mutates the pod it is given (a private copy inside the apiserver).
 */
import type { Container, Pod } from '../types';
import type { Random } from '../random';
import { K8S_RAND_ALPHABET } from '../random';
import { forbidden } from '../errors';
import { parseQuantity } from '../quantity';
import { decodePodQuantities } from './decode';
import { getPodQOS } from './qos';
import { VOLUME_SOURCE_KEYS } from './validation';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map((x) => obj(x)).filter((x): x is Obj => x !== undefined) : []);

// --- 2. scheme defaulting ---

// The docker reference grammar (github.com/distribution/reference regexp.go), enough to find a tag and a digest.
const alnum = '[a-z0-9]+';
const pathComponent = `${alnum}(?:(?:[._]|__|[-]+)${alnum})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const referenceRe = new RegExp(`^((?:${domain}/)?${pathComponent}(?:/${pathComponent})*)(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$`);
const digestHexLength: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/**
 * Image pull policy default: Always when the tag is `latest` (or there is neither tag nor digest), else IfNotPresent,
 * which is also what an unparsable reference gets. Models SetDefaults_Container with parsers.ParseImageName.
 */
export function defaultPullPolicy(image: string | undefined): string {
  const m = referenceRe.exec(image ?? '');
  if (!m || m[1].length > 255) return 'IfNotPresent';
  if (m[3]) {
    const [alg, hex] = m[3].split(':');
    if (digestHexLength[alg] !== hex.length || !/^[a-f0-9]+$/.test(hex)) return 'IfNotPresent';
  }
  const tag = m[2] || (m[3] ? '' : 'latest');
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** SetDefaults_ResourceList: every quantity rounded up to milli-units (`0.1m` becomes `1m`). */
function defaultResourceList(l: unknown) {
  const m = obj(l);
  if (!m) return;
  for (const k of Object.keys(m)) {
    const q = parseQuantity(String(m[k]));
    if (q) m[k] = q.roundUp(-3).quantity.toString();
  }
}

const defaultHTTPGet = (h: unknown) => { const g = obj(h); if (g) { g.path ||= '/'; g.scheme ||= 'HTTP'; } };
const defaultFieldSelector = (f: unknown) => { const s = obj(f); if (s) s.apiVersion ||= 'v1'; };

/** SetDefaults_Probe, SetDefaults_HTTPGetAction and the grpc.service default; nothing for an unset probe. */
function defaultProbe(p: unknown) {
  const probe = obj(p);
  if (!probe) return;
  probe.timeoutSeconds ||= 1;
  probe.periodSeconds ||= 10;
  probe.successThreshold ||= 1;
  probe.failureThreshold ||= 3;
  defaultHTTPGet(probe.httpGet);
  const grpc = obj(probe.grpc);
  if (grpc) grpc.service ??= '';
}

/** The generated defaulter's work for one container of any kind. */
function defaultContainer(c: Container) {
  c.imagePullPolicy ||= defaultPullPolicy(c.image);
  c.terminationMessagePath ||= '/dev/termination-log';
  c.terminationMessagePolicy ||= 'File';
  for (const p of list(c.ports)) p.protocol ||= 'TCP';
  for (const e of list(c.env)) defaultFieldSelector(obj(e.valueFrom)?.fieldRef);
  c.resources ??= {}; // a non-pointer struct: always serialized
  defaultResourceList(c.resources.limits);
  defaultResourceList(c.resources.requests);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  for (const hook of [c.lifecycle?.postStart, c.lifecycle?.preStop]) defaultHTTPGet(hook?.httpGet);
}

/** SetDefaults_Volume and the volume sources' defaults (file modes 0644, token expiry, hostPath type, apiVersion). */
function defaultVolume(v: Obj) {
  if (!VOLUME_SOURCE_KEYS.some((k) => obj(v[k]))) v.emptyDir = {};
  const hostPath = obj(v.hostPath);
  if (hostPath) hostPath.type ??= '';
  for (const key of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const src = obj(v[key]);
    if (src) src.defaultMode ??= 420;
  }
  for (const item of list(obj(v.downwardAPI)?.items)) defaultFieldSelector(item.fieldRef);
  for (const s of list(obj(v.projected)?.sources)) {
    for (const item of list(obj(s.downwardAPI)?.items)) defaultFieldSelector(item.fieldRef);
    const token = obj(s.serviceAccountToken);
    if (token) token.expirationSeconds ??= 3600;
  }
}

/**
 * Scheme defaulting of a decoded Pod (runs on create and on update). Models SetObjectDefaults_Pod: SetDefaults_Pod
 * (requests default to limits, enableServiceLinks, host ports under hostNetwork), SetDefaults_PodSpec, then volumes,
 * init, regular and ephemeral containers, and the overhead list.
 */
export function setPodDefaults(pod: Pod): void {
  const spec = pod.spec;
  const containers = list(spec.containers) as Container[];
  const inits = list(spec.initContainers) as Container[];
  // SetDefaults_Pod: a limit without a request defaults the request to the limit (regular and init containers).
  for (const c of [...containers, ...inits]) {
    const limits = obj(c.resources?.limits);
    if (!limits) continue;
    const requests = (c.resources!.requests ??= {});
    for (const [k, v] of Object.entries(limits)) if (!(k in requests)) requests[k] = v as string;
  }
  spec.enableServiceLinks ??= true;
  if (spec.hostNetwork === true) {
    for (const c of [...containers, ...inits]) for (const p of list(c.ports)) if (!p.hostPort) p.hostPort = p.containerPort;
  }
  // SetDefaults_PodSpec
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ||= 'default-scheduler';
  for (const v of list(spec.volumes)) defaultVolume(v);
  for (const c of [...inits, ...containers, ...(list(spec.ephemeralContainers) as Container[])]) defaultContainer(c);
  defaultResourceList(spec.overhead);
}

// --- 3. admission ---

export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** The projected token volume. Models serviceaccount admission TokenVolumeSource (3607s: WarnOnlyBoundTokenExpirationSeconds). */
const tokenVolume = (name: string) => ({
  name,
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
      { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
    ],
  },
});

/** The default priority classes kubeadm clusters have. Models scheduling.SystemPriorityClasses. */
const PRIORITY_CLASSES: Record<string, number> = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 };

/**
 * The mutating admission plugins of a kubeadm apiserver, on create. Models plugin/pkg/admission/serviceaccount Admit
 * (default account; the `kube-api-access-*` volume mounted into every container without a mount at the token path;
 * not for mirror pods), defaulttolerationseconds (not-ready/unreachable for 300s) and priority (value and preemption
 * policy from the class; Forbidden when the spec disagrees or the class does not exist).
 */
export function admitPod(pod: Pod, random: Random): void {
  const spec = pod.spec;
  const name = pod.metadata.name ?? '';
  // ServiceAccount (the v1 `serviceAccount` alias is folded into serviceAccountName by conversion).
  spec.serviceAccountName ||= (spec.serviceAccount as string | undefined) || 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (!(MIRROR_POD_ANNOTATION in (pod.metadata.annotations ?? {})) && spec.automountServiceAccountToken !== false) {
    const existing = list(spec.volumes).find((v) => String(v.name).startsWith('kube-api-access-'));
    const volumeName = existing ? String(existing.name) : `kube-api-access-${random.chars(5, K8S_RAND_ALPHABET)}`;
    let needsVolume = false;
    for (const c of [...list(spec.initContainers), ...list(spec.containers)] as Container[]) {
      if ((c.volumeMounts ?? []).some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) continue;
      c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name: volumeName, readOnly: true }];
      needsVolume = true;
    }
    if (!existing && needsVolume) spec.volumes = [...(spec.volumes ?? []), tokenVolume(volumeName)];
  }

  defaultTolerationSeconds(pod);

  // Priority: no class means the default (none in kubeadm): priority 0, PreemptLowerPriority.
  const className = String(spec.priorityClassName ?? '');
  if (className && !(className in PRIORITY_CLASSES)) throw forbidden('pods', name, `no PriorityClass with name ${className} was found`);
  const priority = className ? PRIORITY_CLASSES[className] : 0;
  if (spec.priority != null && spec.priority !== priority) {
    throw forbidden('pods', name, `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
  }
  spec.priority = priority;
  if (spec.preemptionPolicy != null && spec.preemptionPolicy !== 'PreemptLowerPriority') {
    throw forbidden('pods', name, `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name`);
  }
  spec.preemptionPolicy = 'PreemptLowerPriority';
}

/** DefaultTolerationSeconds admission (create and update): an empty key tolerates every taint of the effect. */
function defaultTolerationSeconds(pod: Pod) {
  const tolerations = Array.isArray(pod.spec.tolerations) ? pod.spec.tolerations : [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const tolerated = tolerations.some((t) => (t.key === key || !t.key) && (!t.effect || t.effect === 'NoExecute'));
    if (!tolerated) tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  }
  pod.spec.tolerations = tolerations;
}

/**
 * The mutating admission plugins on an update: DefaultTolerationSeconds again, and Priority keeping the priority
 * and preemption policy it set on create when the update leaves them out (ServiceAccount only acts on create).
 */
export function admitPodUpdate(pod: Pod, old: Pod): void {
  defaultTolerationSeconds(pod);
  if (pod.spec.priority == null && old.spec.priority != null) pod.spec.priority = old.spec.priority;
  if (pod.spec.preemptionPolicy == null && old.spec.preemptionPolicy != null) pod.spec.preemptionPolicy = old.spec.preemptionPolicy;
}

// --- 4. PrepareForCreate ---

/** Models podStrategy.PrepareForCreate: generation 1, a fresh status with the QoS class, the SchedulingGated condition. */
export function prepareForCreate(pod: Pod): void {
  pod.metadata.generation = 1;
  pod.status = { phase: 'Pending', qosClass: getPodQOS(pod) };
  if ((pod.spec.schedulingGates as unknown[] | undefined)?.length) {
    // A zero metav1.Time serializes as null.
    pod.status.conditions = [{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: null as never, reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' }];
  }
}

/** Decoding, defaulting, admission and PrepareForCreate, in the apiserver's order, for a Pod being created. */
export function defaultPod(pod: Pod, random: Random): void {
  decodePodQuantities(pod);
  setPodDefaults(pod);
  admitPod(pod, random);
  prepareForCreate(pod);
}
