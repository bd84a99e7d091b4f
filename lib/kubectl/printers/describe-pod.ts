/**
 * `kubectl describe pod`.
 * Models kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go describePod and the helpers it calls
 * (v1.34; the event fieldPath prefix and container port names arrived after v1.34 and are not printed).
 * Times print as RFC 1123 with numeric zone in UTC: kubectl converts to the local zone, which the lab fixes at UTC.
 */
import type { Container, ContainerState, ContainerStatus, EnvVar, Event, Pod, Probe, ResourceRequirements, Toleration } from '@/lib/sim/types';
import { getPodQOS } from '@/lib/sim/pods/qos';
import { goQuote } from '@/lib/sim/errors';
import { parseQuantity } from '@/lib/sim/quantity';
import { parseTimestamp, translateTimestampSince } from './duration';
import { escapeTerminal } from './table';
import { tabbedString, type TabWriter } from './tabwriter';

/** Writes describe text at an indentation level of two spaces per level (describe.go PrefixWriter). */
export interface PrefixWriter {
  write(level: number, text: string): void;
  writeLine(text: string): void;
  flush(): void;
}

/** Returns a PrefixWriter over `out`, escaping terminal control characters as printers.WriteEscaped does. */
export function newPrefixWriter(out: TabWriter): PrefixWriter {
  return {
    write: (level, text) => out.write(escapeTerminal('  '.repeat(level) + text)),
    writeLine: (text) => out.write(escapeTerminal(text + '\n')),
    flush: () => void out.flush(),
  };
}

const LEVEL_0 = 0;
const LEVEL_1 = 1;
const LEVEL_2 = 2;
const LEVEL_3 = 3;

// describe.go skipAnnotations
const skipAnnotations = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const maxAnnotationLen = 140;

/** Options for {@link describePod}; `now` is the virtual clock in ms since epoch. */
export interface DescribeOptions {
  now: number;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Formats a timestamp like Go's time.RFC1123Z (`Mon, 02 Jan 2006 15:04:05 -0700`) in UTC; a missing one is Go's zero time. */
export function formatRFC1123Z(ts: string | null | undefined): string {
  const ms = parseTimestamp(ts);
  if (ms === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const t = new Date(ms);
  const hms = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
  return `${DAYS[t.getUTCDay()]}, ${pad(t.getUTCDate())} ${MONTHS[t.getUTCMonth()]} ${pad(t.getUTCFullYear(), 4)} ${hms} +0000`;
}

// Go measures these lengths in bytes.
const utf8 = new TextEncoder();
const byteLen = (s: string) => utf8.encode(s).length;
const shorten = (s: string, max: number) =>
  byteLen(s) > max ? new TextDecoder().decode(utf8.encode(s).slice(0, max)) + '...' : s;

const stringOrNone = (s: string) => (s === '' ? '<none>' : s);
const printBool = (v: boolean) => (v ? 'True' : 'False');

/** describe.go printLabelsMultiline: `Title:\tk=v` lines sorted by key, or `<none>`. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

/** describe.go printAnnotationsMultiline: as labels, skipping last-applied-configuration and folding long values. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !skipAnnotations.has(k))
    .sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key].replace(/\n$/, '');
    if (byteLen(value) + byteLen(key) + 2 > maxAnnotationLen || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, maxAnnotationLen - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!tolerations?.length) {
    w.writeLine('<none>');
    return;
  }
  // sort.Slice by key; Go uses insertion sort (stable) for the short lists a pod carries
  const sorted = [...tolerations].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    const key = t.key ?? '';
    const value = t.value ?? '';
    w.write(LEVEL_0, key);
    if (value !== '') w.write(LEVEL_0, `=${value}`);
    if (t.effect) w.write(LEVEL_0, `:${t.effect}`);
    // operator Exists with no value tolerates everything
    if (t.operator === 'Exists' && value === '') w.write(LEVEL_0, key !== '' || t.effect ? ' op=Exists' : 'op=Exists');
    if (t.tolerationSeconds !== undefined) w.write(LEVEL_0, ` for ${t.tolerationSeconds}s`);
    w.write(LEVEL_0, '\n');
  });
}

/** Models kubectl pkg/util/resource ExtractContainerResourceValue (cpu in MilliValue, the rest in Value; both round up). */
function extractContainerResourceValue(ref: { resource: string; divisor?: string }, container: Container): string {
  const divisorMilli = parseQuantity(ref.divisor ?? '0')?.milli || 1000; // a zero divisor means "1"
  const [kind, name] = ref.resource.split('.', 2);
  if ((kind !== 'limits' && kind !== 'requests') || !['cpu', 'memory', 'ephemeral-storage'].includes(name)) return ''; // an error, printed as ''
  const value = container.resources?.[kind]?.[name]; // unset reads as a zero quantity
  const milli = value === undefined ? 0 : (parseQuantity(value)?.milli ?? 0);
  const unit = name === 'cpu' ? 1 : 1000;
  return String(Math.ceil(Math.ceil(milli / unit) / Math.ceil(divisorMilli / unit)));
}

// --- containers ---

type ValueFrom = {
  fieldRef?: { apiVersion?: string; fieldPath: string };
  resourceFieldRef?: { containerName?: string; resource: string; divisor?: string };
  secretKeyRef?: { name?: string; key: string; optional?: boolean };
  configMapKeyRef?: { name?: string; key: string; optional?: boolean };
};
type EnvFromSource = {
  prefix?: string;
  configMapRef?: { name?: string; optional?: boolean };
  secretRef?: { name?: string; optional?: boolean };
};

/** Models kubectl pkg/util/fieldpath ExtractFieldPathAsString: only metadata fields resolve; anything else prints ''. */
function extractFieldPath(pod: Pod, fieldPath: string): string {
  const meta = pod.metadata;
  const sub = /^(metadata\.(?:annotations|labels))\['(.*)'\]$/s.exec(fieldPath);
  if (sub) return (sub[1] === 'metadata.labels' ? meta.labels : meta.annotations)?.[sub[2]] ?? '';
  const formatMap = (m: Record<string, string> | undefined) =>
    Object.keys(m ?? {})
      .sort()
      .map((k) => `${k}=${goQuote(m![k])}`)
      .join('\n');
  switch (fieldPath) {
    case 'metadata.annotations':
      return formatMap(meta.annotations);
    case 'metadata.labels':
      return formatMap(meta.labels);
    case 'metadata.name':
      return meta.name ?? '';
    case 'metadata.namespace':
      return meta.namespace ?? '';
    case 'metadata.uid':
      return meta.uid ?? '';
  }
  return '';
}

function describeStatus(w: PrefixWriter, stateName: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${formatRFC1123Z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${formatRFC1123Z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${formatRFC1123Z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
  }
}

function describeResources(w: PrefixWriter, resources: ResourceRequirements | undefined, level: number): void {
  for (const [title, list] of [
    ['Limits', resources?.limits],
    ['Requests', resources?.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${list![name]}\n`);
  }
}

const intOrString = (v: number | string) => String(v);

/** Returns a probe as describe prints it, e.g. `http-get http://:80/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(probe: Probe): string {
  const attrs =
    `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s ` +
    `#success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const g = probe.httpGet;
    const port = intOrString(g.port);
    const host = g.host ?? '';
    const hostPort = port === '' ? host : `${host.includes(':') ? `[${host}]` : host}:${port}`; // net.JoinHostPort
    return `http-get ${urlString((g.scheme ?? '').toLowerCase(), hostPort, g.path ?? '')} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${intOrString(probe.tcpSocket.port)} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

/** Go net/url URL.String for a URL with only scheme, host and path set (path escaped as url.EscapedPath does). */
function urlString(scheme: string, host: string, path: string): string {
  let s = scheme !== '' ? scheme + ':' : '';
  if ((scheme !== '' || host !== '') && (host !== '' || path !== '')) s += '//' + host;
  const escaped = path === '*' ? path : escapePath(path);
  if (escaped !== '' && escaped[0] !== '/' && host !== '') s += '/';
  if (s === '' && escaped.split('/')[0].includes(':')) s += './';
  return s + escaped;
}

function escapePath(path: string): string {
  let out = '';
  for (const b of utf8.encode(path)) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-_.~$&+,/:;=@]/.test(c) ? c : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function describeContainers(
  w: PrefixWriter,
  label: string,
  containers: Container[],
  statuses: ContainerStatus[] | undefined,
  pod: Pod,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(LEVEL_0, `${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    const status = byName.get(c.name);
    // describeContainerBasicInfo
    w.write(LEVEL_1, `${c.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? ''}`).join(', ');
    w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${stringOrNone(ports)}\n`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ');
    w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${stringOrNone(hostPorts)}\n`);
    const seccomp = (c.securityContext as { seccompProfile?: { type: string; localhostProfile?: string } } | undefined)?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    // describeContainerCommand
    for (const [title, list] of [
      ['Command', c.command],
      ['Args', c.args],
    ] as const) {
      if (!list?.length) continue;
      w.write(LEVEL_2, `${title}:\n`);
      for (const item of list) for (const s of item.split('\n')) w.write(LEVEL_3, `${s}\n`);
    }
    if (status) {
      // describeContainerState
      describeStatus(w, 'State', status.state);
      if (status.lastState?.terminated) describeStatus(w, 'Last State', status.lastState);
      w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount}\n`);
    }
    describeResources(w, c.resources, LEVEL_2);
    // describeContainerProbe
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    describeContainerEnvFrom(w, (c.envFrom as EnvFromSource[] | undefined) ?? []);
    describeContainerEnvVars(w, c, pod);
    describeContainerVolumes(w, c);
  }
}

function describeContainerEnvFrom(w: PrefixWriter, envFrom: EnvFromSource[]): void {
  if (envFrom.length === 0) return;
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of envFrom) {
    const [from, ref] = e.configMapRef ? ['ConfigMap', e.configMapRef] : e.secretRef ? ['Secret', e.secretRef] : ['', undefined];
    const optional = ref?.optional === true;
    const name = ref?.name ?? '';
    w.write(LEVEL_3, e.prefix ? `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n` : `${name}\t${from}\tOptional: ${optional}\n`);
  }
}

function describeContainerEnvVars(w: PrefixWriter, c: Container, pod: Pod): void {
  const env: EnvVar[] = c.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const from = e.valueFrom as ValueFrom | undefined;
    if (!from) {
      (e.value ?? '').split('\n').forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
    } else if (from.fieldRef) {
      const { apiVersion = '', fieldPath } = from.fieldRef;
      // EnvValueRetriever: the field label must convert for a v1 Pod before it is extracted
      const value = apiVersion === 'v1' ? extractFieldPath(pod, fieldPath) : '';
      w.write(LEVEL_3, `${e.name}:\t${value} (${apiVersion}:${fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      const resource = from.resourceFieldRef.resource;
      let value = extractContainerResourceValue(from.resourceFieldRef, c);
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
    } else if (from.secretKeyRef) {
      const r = from.secretKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' in secret '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`);
    } else if (from.configMapKeyRef) {
      const r = from.configMapKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' of config map '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`);
    }
  }
}

function describeContainerVolumes(w: PrefixWriter, c: Container): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${goQuote(m.subPath)}`] : [])];
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
}

// --- volumes ---

type Optional = { optional?: boolean };
type VolumeSources = {
  hostPath?: { path: string; type?: string };
  emptyDir?: { medium?: string; sizeLimit?: string };
  secret?: { secretName?: string } & Optional;
  configMap?: { name?: string } & Optional;
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  downwardAPI?: { items?: Array<{ path: string; fieldRef?: { fieldPath: string }; resourceFieldRef?: { resource: string } }> };
  projected?: {
    sources?: Array<{
      secret?: { name?: string } & Optional;
      configMap?: { name?: string } & Optional;
      downwardAPI?: unknown;
      serviceAccountToken?: { expirationSeconds?: number };
    }>;
  };
  image?: { reference?: string; pullPolicy?: string };
};

function describeVolumes(w: PrefixWriter, volumes: Array<{ name: string } & VolumeSources> | undefined): void {
  if (!volumes?.length) {
    w.write(LEVEL_0, 'Volumes:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volumes:\n');
  for (const v of volumes) {
    w.write(LEVEL_1, `${v.name}:\n`);
    if (v.hostPath) {
      w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`);
    } else if (v.emptyDir) {
      const limit = v.emptyDir.sizeLimit === undefined ? 0 : (parseQuantity(v.emptyDir.sizeLimit)?.milli ?? 0);
      const sizeLimit = limit > 0 ? v.emptyDir.sizeLimit : '<unset>';
      w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${sizeLimit}\n`);
    } else if (v.secret) {
      w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${v.secret.optional === true}\n`);
    } else if (v.configMap) {
      w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${v.configMap.optional === true}\n`);
    } else if (v.persistentVolumeClaim) {
      const c = v.persistentVolumeClaim;
      w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${c.claimName}\n    ReadOnly:\t${c.readOnly === true}\n`);
    } else if (v.downwardAPI) {
      w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
      for (const item of v.downwardAPI.items ?? []) {
        if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
        if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
      }
    } else if (v.projected) {
      w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const s of v.projected.sources ?? []) {
        if (s.secret) w.write(LEVEL_2, `SecretName:\t${s.secret.name ?? ''}\n    Optional:\t${s.secret.optional === true}\n`);
        else if (s.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
        else if (s.configMap) w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    Optional:\t${s.configMap.optional === true}\n`);
        else if (s.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 0}\n`);
      }
    } else if (v.image) {
      w.write(LEVEL_2, `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${v.image.reference ?? ''}\n    PullPolicy:\t${v.image.pullPolicy ?? ''}\n`);
    } else {
      w.write(LEVEL_1, '<unknown>\n');
    }
  }
}

// --- events ---

type EventSeries = { count: number; lastObservedTime: string };

/**
 * Writes the Events section: `Events:\t<none>` or a Type/Reason/Age/From/Message table sorted by time, with counted
 * events aged as `5s (x3 over 2m)`. Models describe.go DescribeEvents (v1.34) and kubectl pkg/util/event SortableEvents.
 */
export function describeEvents(w: PrefixWriter, events: readonly Event[], now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const series = (e: Event) => e.series as EventSeries | undefined;
  const eventTime = (e: Event) =>
    parseTimestamp(series(e)?.lastObservedTime ?? (parseTimestamp(e.lastTimestamp) !== undefined ? e.lastTimestamp : e.eventTime)) ?? -Infinity;
  // sort.Sort; Go sorts lists this short (<= 12) by insertion sort, which is stable like Array.prototype.sort
  const sorted = [...events].sort((a, b) => (eventTime(a) < eventTime(b) ? -1 : eventTime(a) > eventTime(b) ? 1 : 0));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const firstTimestampSince = translateTimestampSince(e.eventTime || e.firstTimestamp, now);
    const s = series(e);
    const interval = s
      ? `${translateTimestampSince(s.lastObservedTime, now)} (x${s.count} over ${firstTimestampSince})`
      : (e.count ?? 0) > 1
        ? `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${firstTimestampSince})`
        : firstTimestampSince;
    const source = e.source?.component || e.reportingComponent;
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${e.message.trim()}\n`);
  }
}

// --- the pod ---

/**
 * Returns exactly what `kubectl describe pod` prints for `pod`. `events` are the events about the pod (null when
 * events are not shown, as with --show-events=false). Pure.
 */
export function describePod(pod: Pod, events: readonly Event[] | null, { now }: DescribeOptions): string {
  const { metadata: meta, spec } = pod;
  const status = pod.status ?? {};
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    if (spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRFC1123Z(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, now)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = (spec.securityContext as { seccompProfile?: { type: string; localhostProfile?: string } } | undefined)?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
    // describePodIPs
    if (!status.podIPs?.length) {
      w.write(LEVEL_0, 'IPs:\t<none>\n');
    } else {
      w.write(LEVEL_0, 'IPs:\n');
      for (const ip of status.podIPs) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
    }
    // printController
    const controller = meta.ownerReferences?.find((r) => r.controller === true);
    if (controller) w.write(LEVEL_0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    if (spec.resources) {
      w.write(LEVEL_0, 'Resources:\n');
      describeResources(w, spec.resources as ResourceRequirements, LEVEL_1);
    }
    if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses, pod);
    describeContainers(w, 'Containers', spec.containers, status.containerStatuses, pod);
    const ephemeral = (spec.ephemeralContainers as Container[] | undefined) ?? [];
    if (ephemeral.length > 0) {
      describeContainers(w, 'Ephemeral Containers', ephemeral, status.ephemeralContainerStatuses as ContainerStatus[] | undefined, pod);
    }
    const gates = (spec.readinessGates as Array<{ conditionType: string }> | undefined) ?? [];
    if (gates.length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of gates) {
        const s = status.conditions?.find((c) => c.type === g.conditionType)?.status ?? '<none>';
        w.write(LEVEL_1, `${g.conditionType} \t${s} \n`);
      }
    }
    if (status.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(w, spec.volumes as Array<{ name: string } & VolumeSources> | undefined);
    // qos.GetPodQOS: the class the apiserver recorded, else ComputePodQOS (the simulator's port of the same algorithm)
    w.write(LEVEL_0, `QoS Class:\t${status.qosClass || getPodQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    if (events) describeEvents(w, events, now);
  });
}
