import { createApiServer, clone, type ResourceType } from '@/lib/sim/apiserver';
import { createVirtualClock } from '@/lib/sim/clock';
import { createRandom } from '@/lib/sim/random';
import { ApiError, fieldErrorBody } from '@/lib/sim/errors';
import { podStrategy } from '@/lib/sim/pods/strategy';
import { defaultPod } from '@/lib/sim/pods/defaults';
import { validatePod } from '@/lib/sim/pods/validation';
import type { Container, Pod } from '@/lib/sim/types';

const podType: ResourceType = { resource: 'pods', kind: 'Pod', singular: 'pod', shortNames: ['po'], namespaced: true, apiVersion: 'v1', strategy: podStrategy as never };
const newApi = () => createApiServer({ clock: createVirtualClock(Date.UTC(2025, 8, 15, 9)), random: createRandom(1), types: [podType] });

const pod = (containers: Container[], extra: Partial<Pod['spec']> = {}): Pod => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers, ...extra },
});
const nginx = (extra: Partial<Container> = {}): Container => ({ name: 'nginx', image: 'nginx', ...extra });

/** The errors the apiserver reports for a pod, each as kubectl prints a cause (`field: body`). */
function errs(p: Pod): string[] {
  const d = structuredClone(p);
  defaultPod(d, createRandom(1));
  return validatePod(d).map((e) => `${e.field}: ${fieldErrorBody(e)}`);
}

function apiError(fn: () => unknown): ApiError {
  try { fn(); } catch (e) { if (e instanceof ApiError) return e; throw e; }
  throw new Error('expected an ApiError');
}

describe('container validation (upstream validateContainers, validateContainerCommon)', () => {
  test('a valid pod has no errors after defaulting', () => {
    expect(errs(pod([nginx({ ports: [{ containerPort: 80, name: 'http' }] })]))).toEqual([]);
  });

  test('port numbers, names and protocols', () => {
    expect(errs(pod([nginx({ ports: [{ containerPort: 70000 }, { containerPort: 8080, name: 'this-name-is-far-too-long', protocol: 'tcp' }] })]))).toEqual([
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[1].name: Invalid value: "this-name-is-far-too-long": must be no more than 15 characters',
      'spec.containers[0].ports[1].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });

  test('a port name without a letter, and a duplicate port name', () => {
    expect(errs(pod([nginx({ ports: [{ containerPort: 80, name: '8080' }, { containerPort: 81, name: 'web' }, { containerPort: 82, name: 'web' }] })]))).toEqual([
      'spec.containers[0].ports[0].name: Invalid value: "8080": must contain at least one letter (a-z)',
      'spec.containers[0].ports[2].name: Duplicate value: "web"',
    ]);
  });

  test('host ports may not repeat across containers', () => {
    expect(errs(pod([nginx({ ports: [{ containerPort: 80, hostPort: 8080 }] }), { name: 'b', image: 'b', ports: [{ containerPort: 81, hostPort: 8080 }] }]))).toEqual([
      'spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"',
    ]);
  });

  test('environment variable names are relaxed in v1.34 (printable ASCII but "=")', () => {
    expect(errs(pod([nginx({ env: [{ name: '1-ok.name', value: 'x' }, { name: 'A=B', value: 'x' }, { name: '' }] })]))).toEqual([
      'spec.containers[0].env[1].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\'',
      'spec.containers[0].env[2].name: Required value',
    ]);
  });

  test('valueFrom needs exactly one source, and no value beside it', () => {
    expect(errs(pod([nginx({ env: [{ name: 'A', valueFrom: {} }, { name: 'B', value: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'C', valueFrom: { fieldRef: { fieldPath: 'status.phase' } } }] })]))).toEqual([
      'spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      'spec.containers[0].env[1].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
      'spec.containers[0].env[2].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
    ]);
  });

  test('a volume mount must name a volume of the pod', () => {
    expect(errs(pod([nginx({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })]))).toEqual([
      'spec.containers[0].volumeMounts[0].name: Not found: "data"',
    ]);
  });

  test('mount paths are unique within a container', () => {
    expect(errs(pod([nginx({ volumeMounts: [{ name: 'a', mountPath: '/data' }, { name: 'b', mountPath: '/data' }] })], { volumes: [{ name: 'a', emptyDir: {} }, { name: 'b', emptyDir: {} }] }))).toEqual([
      'spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique',
    ]);
  });

  test('image pull policy and termination message policy values', () => {
    expect(errs(pod([nginx({ imagePullPolicy: 'always', terminationMessagePolicy: 'Logs' })]))).toEqual([
      'spec.containers[0].terminationMessagePolicy: Unsupported value: "Logs": supported values: "File", "FallbackToLogsOnError"',
      'spec.containers[0].imagePullPolicy: Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never"',
    ]);
  });

  test('names: a DNS-1123 label, unique across init and regular containers', () => {
    expect(errs(pod([nginx({ name: 'Web' }), nginx({ name: 'app' })], { initContainers: [{ name: 'app', image: 'busybox' }] }))).toEqual([
      "spec.containers[0].name: Invalid value: \"Web\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      'spec.initContainers[0].name: Duplicate value: "app"',
    ]);
  });

  test('an image with surrounding whitespace (validateContainersOnlyForPod)', () => {
    expect(errs(pod([nginx({ image: ' nginx' })]))).toEqual(['spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace']);
  });
});

describe('resource validation (upstream validateResourceRequirements)', () => {
  test('a request above its limit', () => {
    expect(errs(pod([nginx({ resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } })]))).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    ]);
  });

  test('requests and limits compare as quantities, in canonical form', () => {
    expect(errs(pod([nginx({ resources: { requests: { memory: '1.5Gi' }, limits: { memory: '1Gi' } } })]))).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "1536Mi": must be less than or equal to memory limit of 1Gi',
    ]);
    expect(errs(pod([nginx({ resources: { requests: { cpu: '0.5' }, limits: { cpu: '500m' } } })]))).toEqual([]);
  });

  test('a negative quantity (the limit is copied into the request by defaulting)', () => {
    expect(errs(pod([nginx({ resources: { limits: { memory: '-1Gi' } } })]))).toEqual([
      'spec.containers[0].resources.limits[memory]: Invalid value: "-1Gi": must be greater than or equal to 0',
      'spec.containers[0].resources.requests[memory]: Invalid value: "-1Gi": must be greater than or equal to 0',
    ]);
  });

  test('an unknown resource name (resource names print unquoted, they are Stringers)', () => {
    expect(errs(pod([nginx({ resources: { requests: { gpu: '1' } } })]))).toEqual([
      'spec.containers[0].resources.requests[gpu]: Invalid value: gpu: must be a standard resource type or fully qualified',
      'spec.containers[0].resources.requests[gpu]: Invalid value: gpu: must be a standard resource for containers',
    ]);
  });

  test('extended resources are integers and may not be overcommitted', () => {
    expect(errs(pod([nginx({ resources: { requests: { 'example.com/dongle': '500m' } } })]))).toEqual([
      'spec.containers[0].resources.requests[example.com/dongle]: Invalid value: 500m: must be an integer',
      'spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources',
    ]);
  });

  test('hugepages need cpu or memory', () => {
    expect(errs(pod([nginx({ resources: { limits: { 'hugepages-2Mi': '4Mi' } } })]))).toEqual([
      'spec.containers[0].resources: Forbidden: HugePages require cpu or memory',
    ]);
  });
});

describe('probes and lifecycle handlers (upstream validateProbe, validateHandler)', () => {
  test('a probe needs a handler', () => {
    expect(errs(pod([nginx({ livenessProbe: { periodSeconds: 5 } })]))).toEqual([
      'spec.containers[0].livenessProbe: Required value: must specify a handler type',
    ]);
  });

  test('a probe may have only one handler', () => {
    expect(errs(pod([nginx({ readinessProbe: { exec: { command: ['true'] }, httpGet: { port: 80 } } })]))).toEqual([
      'spec.containers[0].readinessProbe.httpGet: Forbidden: may not specify more than 1 handler type',
    ]);
  });

  test('liveness and startup probes need successThreshold 1; fields are non-negative', () => {
    expect(errs(pod([nginx({ livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2, initialDelaySeconds: -1 }, startupProbe: { exec: { command: ['true'] }, successThreshold: 3 } })]))).toEqual([
      'spec.containers[0].livenessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0',
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      'spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1',
    ]);
  });

  test('ports: numbers in range, names as IANA service names; an exec needs a command; schemes are HTTP or HTTPS', () => {
    expect(errs(pod([nginx({ livenessProbe: { httpGet: { port: 0, scheme: 'http' } }, readinessProbe: { tcpSocket: { port: '80' } }, startupProbe: { exec: { command: [] } } })]))).toEqual([
      'spec.containers[0].livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.containers[0].livenessProbe.httpGet.scheme: Unsupported value: "http": supported values: "HTTP", "HTTPS"',
      'spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: "80": must contain at least one letter (a-z)',
      'spec.containers[0].startupProbe.exec.command: Required value',
    ]);
  });

  test('readiness probes may not set terminationGracePeriodSeconds', () => {
    expect(errs(pod([nginx({ readinessProbe: { grpc: { port: 9000 }, terminationGracePeriodSeconds: 10 } })]))).toEqual([
      'spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes',
    ]);
  });

  test('a sleep hook may not outlast the grace period', () => {
    expect(errs(pod([nginx({ lifecycle: { preStop: { sleep: { seconds: 60 } }, postStart: {} } })]))).toEqual([
      'spec.containers[0].lifecycle.postStart: Required value: must specify a handler type',
      'spec.containers[0].lifecycle.preStop.sleep: Invalid value: 60: must be non-negative and less than terminationGracePeriodSeconds (30)',
    ]);
  });

  test('init containers: probes and hooks only with restartPolicy Always, which is the only value', () => {
    const probe = { exec: { command: ['true'] } };
    expect(errs(pod([nginx()], { initContainers: [{ name: 'init', image: 'busybox', readinessProbe: probe, lifecycle: { postStart: probe } }, { name: 'side', image: 'busybox', restartPolicy: 'Always', readinessProbe: probe }, { name: 'bad', image: 'busybox', restartPolicy: 'OnFailure' }] }))).toEqual([
      'spec.initContainers[0].lifecycle: Forbidden: may not be set for init containers without restartPolicy=Always',
      'spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
      'spec.initContainers[2].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ]);
  });

  test('a regular container may not set restartPolicy', () => {
    expect(errs(pod([nginx({ restartPolicy: 'Always' })]))).toEqual(['spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers']);
  });
});

describe('pod spec validation (upstream ValidatePodSpec)', () => {
  test('no containers', () => {
    expect(errs(pod([]))).toEqual(['spec.containers: Required value']);
  });

  test('restartPolicy and dnsPolicy values', () => {
    expect(errs(pod([nginx()], { restartPolicy: 'Sometimes', dnsPolicy: 'ClusterFirstt' }))).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      'spec.dnsPolicy: Unsupported value: "ClusterFirstt": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    ]);
  });

  test('a list value prints as Go prints a []string', () => {
    expect(errs(pod([nginx()], { dnsConfig: { nameservers: ['1.1.1.1', '8.8.8.8', '9.9.9.9', '1.0.0.1'] } }))).toEqual([
      'spec.dnsConfig.nameservers: Invalid value: []string{"1.1.1.1", "8.8.8.8", "9.9.9.9", "1.0.0.1"}: must not have more than 3 nameservers',
    ]);
  });

  test('hugepages must be a multiple of the page size', () => {
    expect(errs(pod([nginx({ resources: { limits: { memory: '1Gi', 'hugepages-2Mi': '3Mi' } } })]))).toEqual([
      'spec.containers[0].resources.limits[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi',
      'spec.containers[0].resources.requests[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi',
    ]);
  });

  test('dnsPolicy None needs a dnsConfig', () => {
    expect(errs(pod([nginx()], { dnsPolicy: 'None' }))).toEqual(['spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None']);
  });

  test('volumes: one source each (a volume with errors is not registered), unique names', () => {
    expect(errs(pod([nginx({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })], { volumes: [{ name: 'data', emptyDir: {}, hostPath: { path: '/tmp' } }, { name: 'cache' }, { name: 'cache' }] }))).toEqual([
      'spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type',
      'spec.volumes[2].name: Duplicate value: "cache"',
      'spec.containers[0].volumeMounts[0].name: Not found: "data"',
    ]);
  });

  test('hostPath, configMap and secret volumes', () => {
    expect(errs(pod([nginx()], { volumes: [{ name: 'a', hostPath: { path: '/var/../etc', type: 'Dir' } }, { name: 'b', configMap: {} }, { name: 'c', secret: { secretName: 's', defaultMode: 1000 } }] }))).toEqual([
      "spec.volumes[0].hostPath.path: Invalid value: \"/var/../etc\": must not contain '..'",
      'spec.volumes[0].hostPath.type: Unsupported value: "Dir": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"',
      'spec.volumes[1].configMap.name: Required value',
      'spec.volumes[2].secret.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive',
    ]);
  });

  test('with hostNetwork a host port must equal the container port', () => {
    expect(errs(pod([nginx({ ports: [{ containerPort: 80, hostPort: 8080 }] })], { hostNetwork: true }))).toEqual([
      'spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true',
    ]);
  });

  test('tolerations', () => {
    expect(errs(pod([nginx()], { tolerations: [{ operator: 'Equal', value: 'x' }, { key: 'k', operator: 'Exists', value: 'v', effect: 'NoSchedule', tolerationSeconds: 10 }] }))).toEqual([
      'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      "spec.tolerations[1].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
      "spec.tolerations[1].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'",
    ]);
  });

  test('activeDeadlineSeconds, nodeName and nodeSelector', () => {
    expect(errs(pod([nginx()], { activeDeadlineSeconds: 0, nodeSelector: { disktype: 'ssd!' } }))).toEqual([
      "spec.nodeSelector: Invalid value: \"ssd!\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      'spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive',
    ]);
  });

  test('metadata: namespace, labels and finalizers', () => {
    const p = pod([nginx()]);
    p.metadata.labels = { 'app name': 'web' };
    p.metadata.finalizers = ['cleanup'];
    expect(errs(p)).toEqual([
      "metadata.labels: Invalid value: \"app name\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      'metadata.finalizers[0]: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
    ]);
  });
});

describe('an update body (podStrategy.prepareForUpdate, for the apiserver to call before validating an update)', () => {
  test('it is decoded and defaulted like a create body, keeps its priority, and gets the default tolerations back', () => {
    const api = newApi();
    const old = api.create<Pod>('pods', pod([nginx()]));
    const body = pod([nginx({ resources: { limits: { cpu: 0.25 as never } } })]);
    podStrategy.prepareForUpdate!(body, old);
    expect(body.spec.containers[0].resources).toEqual({ limits: { cpu: '250m' }, requests: { cpu: '250m' } });
    expect(body.spec).toMatchObject({ terminationGracePeriodSeconds: 30, restartPolicy: 'Always', priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
    expect(body.spec.tolerations?.map((t) => t.key)).toEqual(['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']);
    expect(() => podStrategy.prepareForUpdate!(pod([nginx({ resources: { limits: { cpu: 'one' } } })]), old)).toThrow('Pod in version "v1" cannot be handled as a Pod: quantities must match');
  });
});

describe('through the API server', () => {
  test('several errors make one Invalid status, listed in upstream order, duplicates dropped from the message', () => {
    const api = newApi();
    const e = apiError(() => api.create('pods', pod([{ name: 'a' }, { name: 'a', image: 'x', ports: [{ containerPort: 0 }] }])));
    expect(e.status).toMatchObject({ reason: 'Invalid', code: 422 });
    expect(e.status.message).toBe('Pod "p" is invalid: [spec.containers[0].image: Required value, spec.containers[1].ports[0].containerPort: Required value, spec.containers[1].name: Duplicate value: "a"]');
    expect(e.status.details?.causes?.map((c) => c.field)).toEqual(['spec.containers[0].image', 'spec.containers[1].ports[0].containerPort', 'spec.containers[1].name']);
  });

  test('an unparsable quantity is a BadRequest from decoding, before any validation', () => {
    const api = newApi();
    const e = apiError(() => api.create('pods', pod([{ name: 'a', resources: { limits: { memory: '64MB' } } }])));
    expect(e.status).toMatchObject({ reason: 'BadRequest', code: 400 });
    expect(e.status.message).toBe('Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'');
    const suffix = apiError(() => api.create('pods', pod([nginx({ resources: { requests: { memory: '32MMi' } } })])));
    expect(suffix.status.message).toBe("Pod in version \"v1\" cannot be handled as a Pod: unable to parse quantity's suffix");
  });

  test('quantities read back in canonical form, ResourceLists rounded up to milli-units', () => {
    const api = newApi();
    const created = api.create<Pod>('pods', pod([nginx({ resources: { requests: { cpu: 0.5 as never, memory: '1.5Gi' }, limits: { cpu: '1000m', memory: '2048Mi', 'ephemeral-storage': '0.1m' } } })], { volumes: [{ name: 'cache', emptyDir: { sizeLimit: '1e3' } }] }));
    expect(created.spec.containers[0].resources).toEqual({ requests: { cpu: '500m', memory: '1536Mi', 'ephemeral-storage': '1m' }, limits: { cpu: '1', memory: '2Gi', 'ephemeral-storage': '1m' } });
    expect(created.spec.volumes?.find((v) => v.name === 'cache')).toEqual({ name: 'cache', emptyDir: { sizeLimit: '1e3' } });
    expect(created.status?.qosClass).toBe('Burstable');
  });

  test('an unknown priority class is refused by admission', () => {
    const api = newApi();
    const e = apiError(() => api.create('pods', pod([nginx()], { priorityClassName: 'high' })));
    expect(e.status).toMatchObject({ reason: 'Forbidden', code: 403, message: 'pods "p" is forbidden: no PriorityClass with name high was found' });
    const p2 = pod([nginx()], { preemptionPolicy: 'Never' });
    expect(apiError(() => api.create('pods', p2)).status.message).toBe('pods "p" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name');
  });

  test('an update may change images but not the rest of the spec', () => {
    const api = newApi();
    const created = api.create<Pod>('pods', pod([nginx()]));
    const image = clone(created);
    image.spec.containers[0].image = 'nginx:1.27';
    const updated = api.update<Pod>('pods', image);
    expect(updated.spec.containers[0].image).toBe('nginx:1.27');
    expect(updated.metadata.generation).toBe(2);

    const resources = clone(updated);
    resources.spec.containers[0].resources = { limits: { cpu: '1' } };
    const e = apiError(() => api.update('pods', resources));
    expect(e.status.reason).toBe('Invalid');
    expect(e.status.details?.causes?.map((c) => `${c.field}: ${c.message.split('\n')[0]}`)).toEqual([
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    ]);

    const added = clone(updated);
    added.spec.containers.push({ ...clone(added.spec.containers[0]), name: 'sidecar' });
    expect(apiError(() => api.update('pods', added)).status.details?.causes?.map((c) => `${c.field}: ${c.message}`)).toContain('spec.containers: Forbidden: pod updates may not add or remove containers');
  });

  test('an update may add tolerations but not remove them', () => {
    const api = newApi();
    const created = api.create<Pod>('pods', pod([nginx()]));
    const more = clone(created);
    more.spec.tolerations = [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }, ...(more.spec.tolerations ?? [])];
    const updated = api.update<Pod>('pods', more);
    expect(updated.spec.tolerations).toHaveLength(3);
    const fewer = clone(updated);
    fewer.spec.tolerations = fewer.spec.tolerations!.slice(1);
    expect(apiError(() => api.update('pods', fewer)).status.message).toBe('Pod "p" is invalid: spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds');
  });
});
