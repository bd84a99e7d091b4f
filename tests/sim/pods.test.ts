import { getPodQOS } from '@/lib/sim/pods/qos';
import { defaultPullPolicy, defaultPod } from '@/lib/sim/pods/defaults';
import { validatePod } from '@/lib/sim/pods/validation';
import { fieldErrorBody } from '@/lib/sim/errors';
import { getPhase } from '@/lib/sim/kubelet/phase';
import { createRandom } from '@/lib/sim/random';
import type { Container, ContainerStatus, Pod } from '@/lib/sim/types';

const rl = (cpu: string, memory: string) => ({ ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) });
const c = (name: string, requests: Record<string, string>, limits: Record<string, string>): Container => ({ name, image: 'x', resources: { requests, limits } });
const pod = (containers: Container[], initContainers?: Container[]): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers, initContainers } });

// Re-expressed from kubernetes pkg/apis/core/v1/helper/qos/qos_test.go TestComputePodQOS (container-level cases).
describe('QoS class (upstream TestComputePodQOS)', () => {
  test.each([
    ['guaranteed', pod([c('guaranteed', rl('100m', '100Mi'), rl('100m', '100Mi'))]), 'Guaranteed'],
    ['guaranteed-guaranteed', pod([c('a', rl('100m', '100Mi'), rl('100m', '100Mi')), c('b', rl('100m', '100Mi'), rl('100m', '100Mi'))]), 'Guaranteed'],
    ['best-effort-best-effort', pod([c('a', rl('', ''), rl('', '')), c('b', rl('', ''), rl('', ''))]), 'BestEffort'],
    ['best-effort', pod([c('a', rl('', ''), rl('', ''))]), 'BestEffort'],
    ['best-effort-burstable', pod([c('a', rl('', ''), rl('', '')), c('b', rl('1', ''), rl('2', ''))]), 'Burstable'],
    ['best-effort-guaranteed', pod([c('a', rl('', ''), rl('', '')), c('b', rl('10m', '100Mi'), rl('10m', '100Mi'))]), 'Burstable'],
    ['burstable-cpu-guaranteed-memory', pod([c('a', rl('', '100Mi'), rl('', '100Mi'))]), 'Burstable'],
    ['burstable-no-limits', pod([c('a', rl('100m', '100Mi'), rl('', ''))]), 'Burstable'],
    ['burstable-guaranteed', pod([c('a', rl('1', '100Mi'), rl('2', '100Mi')), c('b', rl('100m', '100Mi'), rl('100m', '100Mi'))]), 'Burstable'],
    ['burstable-unbounded-but-requests-match-limits', pod([c('a', rl('100m', '100Mi'), rl('200m', '200Mi')), c('b', rl('100m', '100Mi'), rl('', ''))]), 'Burstable'],
    ['burstable-1', pod([c('a', rl('10m', '100Mi'), rl('100m', '200Mi'))]), 'Burstable'],
    ['burstable-2', pod([c('a', rl('0', '0'), rl('100m', '200Mi'))]), 'Burstable'],
    ['best-effort-hugepages', pod([c('a', { cpu: '0', memory: '0', 'hugepages-2Mi': '1Gi' }, { cpu: '0', memory: '0', 'hugepages-2Mi': '1Gi' })]), 'BestEffort'],
    ['init-container', pod([c('a', rl('', ''), rl('', ''))], [c('i', rl('10m', '100Mi'), rl('100m', '200Mi'))]), 'Burstable'],
    ['equal quantities written differently', pod([c('a', rl('0.5', '1Gi'), rl('500m', '1024Mi'))]), 'Guaranteed'],
  ])('%s → %s', (_name, p, expected) => {
    expect(getPodQOS(p)).toBe(expected);
  });

  test('limits alone make a Guaranteed pod, because defaulting copies them into requests', () => {
    const p = pod([{ name: 'a', image: 'nginx', resources: { limits: { cpu: '500m', memory: '128Mi' } } }]);
    defaultPod(p, createRandom(1));
    expect(p.spec.containers[0].resources?.requests).toEqual({ cpu: '500m', memory: '128Mi' });
    expect(p.status?.qosClass).toBe('Guaranteed');
  });
});

describe('defaulting', () => {
  const digest = `sha256:${'ab'.repeat(32)}`;
  test.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.12-alpine', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:v2', 'IfNotPresent'],
    ['registry.k8s.io/pause:3.10', 'IfNotPresent'],
    [`nginx@${digest}`, 'IfNotPresent'],
    [`nginx:latest@${digest}`, 'Always'],
    ['nginx@sha256:0123', 'IfNotPresent'], // not a valid digest: ParseImageName fails, so no "latest"
    ['Nginx', 'IfNotPresent'], // repository names must be lowercase
  ])('image %s gets imagePullPolicy %s', (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });

  test('a pod gets the service-account volume, the 300s tolerations and the spec defaults', () => {
    const p = pod([{ name: 'nginx', image: 'nginx:1.12-alpine', livenessProbe: { httpGet: { port: 80 } } }]);
    defaultPod(p, createRandom(1));
    expect(p.spec).toMatchObject({ restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', serviceAccountName: 'default', priority: 0, enableServiceLinks: true });
    expect(p.spec.volumes?.[0].name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.spec.containers[0].volumeMounts?.[0]).toEqual({ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: p.spec.volumes?.[0].name, readOnly: true });
    expect(p.spec.tolerations?.map((t) => `${t.key}:${t.effect} ${t.tolerationSeconds}`)).toEqual(['node.kubernetes.io/not-ready:NoExecute 300', 'node.kubernetes.io/unreachable:NoExecute 300']);
    expect(p.spec.containers[0].livenessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  const defaulted = (p: Pod) => { defaultPod(p, createRandom(1)); return p; };

  test('probes get defaults only when set; grpc gets an empty service; ports get TCP', () => {
    const p = defaulted(pod([{ name: 'a', image: 'x', ports: [{ containerPort: 80 }], readinessProbe: { grpc: { port: 9000 } } }]));
    expect(p.spec.containers[0].ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(p.spec.containers[0].readinessProbe).toEqual({ grpc: { port: 9000, service: '' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(p.spec.containers[0].livenessProbe).toBeUndefined();
  });

  test('with hostNetwork, container ports default their host port (SetDefaults_Pod)', () => {
    const p = pod([{ name: 'a', image: 'x', ports: [{ containerPort: 80 }] }]);
    p.spec.hostNetwork = true;
    expect(defaulted(p).spec.containers[0].ports).toEqual([{ containerPort: 80, hostPort: 80, protocol: 'TCP' }]);
    expect(p.spec.dnsPolicy).toBe('ClusterFirst');
  });

  test('volume sources get their defaults; a volume without one becomes an emptyDir', () => {
    const p = pod([{ name: 'a', image: 'x' }]);
    p.spec.volumes = [{ name: 'scratch' }, { name: 'cfg', configMap: { name: 'c' } }, { name: 'host', hostPath: { path: '/var/log' } },
      { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
      { name: 'token', projected: { sources: [{ serviceAccountToken: { path: 't' } }] } }];
    expect(defaulted(p).spec.volumes?.slice(0, 5)).toEqual([
      { name: 'scratch', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'c', defaultMode: 420 } },
      { name: 'host', hostPath: { path: '/var/log', type: '' } },
      { name: 'info', downwardAPI: { defaultMode: 420, items: [{ path: 'labels', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } }] } },
      { name: 'token', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 3600 } }] } },
    ]);
  });

  test('env fieldRefs get apiVersion v1 and resourceFieldRefs a "0" divisor', () => {
    const p = defaulted(pod([{ name: 'a', image: 'x', env: [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'C', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } }] }]));
    expect(p.spec.containers[0].env).toEqual([
      { name: 'N', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
      { name: 'C', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '0' } } },
    ]);
  });

  test('init containers get requests from limits, and the token mount', () => {
    const p = defaulted(pod([{ name: 'a', image: 'x' }], [{ name: 'i', image: 'busybox', resources: { limits: { memory: '64Mi' } } }]));
    expect(p.spec.initContainers?.[0].resources).toEqual({ limits: { memory: '64Mi' }, requests: { memory: '64Mi' } });
    expect(p.spec.initContainers?.[0].volumeMounts?.[0].mountPath).toBe('/var/run/secrets/kubernetes.io/serviceaccount');
  });

  test('no token volume when automountServiceAccountToken is false, for mirror pods, or when every container mounts the path', () => {
    const off = pod([{ name: 'a', image: 'x' }]);
    off.spec.automountServiceAccountToken = false;
    expect(defaulted(off).spec.volumes).toBeUndefined();
    const mirror = pod([{ name: 'a', image: 'x' }]);
    mirror.metadata.annotations = { 'kubernetes.io/config.mirror': 'abc' };
    expect(defaulted(mirror).spec.volumes).toBeUndefined();
    const own = pod([{ name: 'a', image: 'x', volumeMounts: [{ name: 'mine', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }] }]);
    own.spec.volumes = [{ name: 'mine', emptyDir: {} }];
    expect(defaulted(own).spec.volumes?.map((v) => v.name)).toEqual(['mine']);
  });

  test('an empty-key toleration already tolerates the not-ready and unreachable taints', () => {
    const p = pod([{ name: 'a', image: 'x' }]);
    p.spec.tolerations = [{ operator: 'Exists' }];
    expect(defaulted(p).spec.tolerations).toEqual([{ operator: 'Exists' }]);
  });

  test('ResourceList quantities are rounded up to milli-units and written canonically', () => {
    const p = defaulted(pod([{ name: 'a', image: 'x', resources: { requests: { cpu: '0.1m', memory: '1.5Gi' }, limits: { cpu: '1000m' } } }]));
    expect(p.spec.containers[0].resources).toEqual({ requests: { cpu: '1m', memory: '1536Mi' }, limits: { cpu: '1' } });
  });
});

describe('validation messages', () => {
  // The apiserver validates the defaulted object.
  const errs = (p: Pod) => {
    const d = structuredClone(p);
    d.metadata.namespace = 'default';
    defaultPod(d, createRandom(1));
    return validatePod(d).map((e) => `${e.field}: ${fieldErrorBody(e)}`);
  };
  test('a container without an image', () => {
    expect(errs(pod([{ name: 'nginx' }]))).toEqual(['spec.containers[0].image: Required value']);
  });
  test('a name that is not a DNS-1123 subdomain', () => {
    const p = pod([{ name: 'nginx', image: 'nginx' }]);
    p.metadata.name = 'Pod_Example';
    expect(errs(p)).toEqual([
      "metadata.name: Invalid value: \"Pod_Example\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });
  test('duplicate container names and a bad restart policy', () => {
    const p = pod([{ name: 'a', image: 'x' }, { name: 'a', image: 'y' }]);
    p.spec.restartPolicy = 'Sometimes';
    expect(errs(p)).toEqual([
      'spec.containers[1].name: Duplicate value: "a"',
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
  });
  test('an annotation key with a space', () => {
    const p = pod([{ name: 'a', image: 'x' }]);
    p.metadata.annotations = { 'created by': 'me' };
    expect(errs(p)[0]).toMatch(/^metadata\.annotations: Invalid value: "created by": name part must consist of alphanumeric characters/);
  });
});

// Re-expressed from kubernetes pkg/kubelet/kubelet_pods_test.go TestPodPhaseWithRestart* (main cases).
describe('getPhase', () => {
  const running = (name: string): ContainerStatus => ({ name, state: { running: { startedAt: 't' } }, lastState: {}, ready: true, restartCount: 0, image: '', imageID: '' });
  const waiting = (name: string, reason = 'ContainerCreating'): ContainerStatus => ({ name, state: { waiting: { reason } }, lastState: {}, ready: false, restartCount: 0, image: '', imageID: '' });
  const stopped = (name: string, exitCode: number): ContainerStatus => ({ name, state: { terminated: { exitCode } }, lastState: {}, ready: false, restartCount: 0, image: '', imageID: '' });
  const crashed = (name: string): ContainerStatus => ({ ...waiting(name, 'CrashLoopBackOff'), lastState: { terminated: { exitCode: 1 } } });
  const p = (restartPolicy: string) => ({ ...pod([{ name: 'a' }, { name: 'b' }]), spec: { containers: [{ name: 'a' }, { name: 'b' }], restartPolicy } }) as Pod;
  test.each([
    ['Always', [running('a'), running('b')], 'Running'],
    ['Always', [running('a'), stopped('b', 0)], 'Running'],
    ['Always', [stopped('a', 0), stopped('b', 1)], 'Running'],
    ['Always', [running('a'), waiting('b')], 'Pending'],
    ['Always', [running('a')], 'Pending'],
    ['Always', [running('a'), crashed('b')], 'Running'],
    ['Never', [stopped('a', 0), stopped('b', 0)], 'Succeeded'],
    ['Never', [stopped('a', 0), stopped('b', 1)], 'Failed'],
    ['Never', [running('a'), stopped('b', 1)], 'Running'],
    ['OnFailure', [stopped('a', 0), stopped('b', 0)], 'Succeeded'],
    ['OnFailure', [stopped('a', 0), crashed('b')], 'Running'],
  ])('restartPolicy %s with %j → %s', (policy, statuses, phase) => {
    expect(getPhase(p(policy as string), [], statuses as ContainerStatus[], false, true)).toBe(phase);
  });

  test('a pod whose regular init container has not finished is Pending', () => {
    const withInit = { ...p('Always'), spec: { ...p('Always').spec, initContainers: [{ name: 'init' }] } } as Pod;
    expect(getPhase(withInit, [running('init')], [waiting('a', 'PodInitializing'), waiting('b', 'PodInitializing')], false, false)).toBe('Pending');
  });

  test('a failed init container fails a restartPolicy Never pod', () => {
    const withInit = { ...p('Never'), spec: { ...p('Never').spec, initContainers: [{ name: 'init' }] } } as Pod;
    expect(getPhase(withInit, [stopped('init', 1)], [waiting('a', 'PodInitializing'), waiting('b', 'PodInitializing')], false, false)).toBe('Failed');
  });
});
