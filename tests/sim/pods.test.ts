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
  test.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.12-alpine', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:v2', 'IfNotPresent'],
    ['nginx@sha256:0123', 'IfNotPresent'],
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
});

describe('validation messages', () => {
  const errs = (p: Pod) => validatePod(p).map((e) => `${e.field}: ${fieldErrorBody(e)}`);
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
