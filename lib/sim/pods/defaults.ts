/**
 * What the apiserver adds to a Pod on create: scheme defaulting plus the default admission plugins.
 * Models kubernetes pkg/apis/core/v1/defaults.go (SetDefaults_Pod, SetDefaults_PodSpec, SetDefaults_Container,
 * SetDefaults_Probe, SetDefaults_HTTPGetAction, SetDefaults_ContainerPort), plugin/pkg/admission/serviceaccount
 * (default service account + projected `kube-api-access-*` volume), plugin/pkg/admission/defaulttolerationseconds
 * (not-ready/unreachable for 300s), plugin/pkg/admission/priority (priority 0, PreemptLowerPriority) and
 * pkg/registry/core/pod/strategy.go PrepareForCreate (generation 1, phase Pending, qosClass) — v1.34.
 * Mutates the pod it is given (a private copy inside the apiserver).
 */
import type { Container, Pod, Probe } from '../types';
import type { Random } from '../random';
import { K8S_RAND_ALPHABET } from '../random';
import { getPodQOS } from './qos';

/** Image pull policy default: Always for `:latest` or no tag, else IfNotPresent (digests count as tagged). */
export function defaultPullPolicy(image: string | undefined): string {
  if (!image) return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  const tag = colon === -1 ? '' : image.slice(colon + 1);
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(p: Probe | undefined) {
  if (!p) return;
  p.timeoutSeconds ||= 1;
  p.periodSeconds ||= 10;
  p.successThreshold ||= 1;
  p.failureThreshold ||= 3;
  if (p.httpGet) {
    p.httpGet.path ||= '/';
    p.httpGet.scheme ||= 'HTTP';
  }
}

function defaultContainer(c: Container) {
  c.imagePullPolicy ||= defaultPullPolicy(c.image);
  c.terminationMessagePath ||= '/dev/termination-log';
  c.terminationMessagePolicy ||= 'File';
  c.resources ??= {};
  for (const p of c.ports ?? []) p.protocol ||= 'TCP';
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  for (const h of [c.lifecycle?.postStart, c.lifecycle?.preStop]) {
    if (h?.httpGet) { h.httpGet.path ||= '/'; h.httpGet.scheme ||= 'HTTP'; }
  }
  // SetDefaults_Pod: a limit without a request defaults the request to the limit.
  const { limits, requests } = c.resources;
  if (limits) {
    for (const [k, v] of Object.entries(limits)) {
      c.resources.requests ??= {};
      if (requests?.[k] === undefined) c.resources.requests[k] = v;
    }
  }
}

export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** Applies defaults and admission mutations to a Pod being created. */
export function defaultPod(pod: Pod, random: Random): void {
  const spec = pod.spec;
  const all = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  for (const c of all) defaultContainer(c);
  spec.restartPolicy ||= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ||= 'default-scheduler';
  spec.enableServiceLinks ??= true;

  // ServiceAccount admission: default account, and the projected token volume mounted into every container.
  spec.serviceAccountName ||= (spec.serviceAccount as string | undefined) || 'default';
  spec.serviceAccount = spec.serviceAccountName;
  const hasTokenMount = all.some((c) => c.volumeMounts?.some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH));
  if (spec.automountServiceAccountToken !== false && !hasTokenMount) {
    const volumeName = `kube-api-access-${random.chars(5, K8S_RAND_ALPHABET)}`;
    spec.volumes = [...(spec.volumes ?? []), {
      name: volumeName,
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
          { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
        ],
      },
    }];
    for (const c of all) {
      c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name: volumeName, readOnly: true }];
    }
  }

  // DefaultTolerationSeconds admission.
  const tolerations = spec.tolerations ?? [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const tolerated = tolerations.some((t) => (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'));
    if (!tolerated) tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;

  // Priority admission.
  spec.priority ??= 0;
  spec.preemptionPolicy ||= 'PreemptLowerPriority';

  // PrepareForCreate.
  pod.metadata.generation = 1;
  pod.status = { phase: 'Pending', qosClass: getPodQOS(pod) };
}
