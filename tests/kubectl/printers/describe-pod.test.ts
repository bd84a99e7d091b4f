import type { Event, Pod } from '@/lib/sim/types';
import { describePod, describeProbe, formatRFC1123Z } from '@/lib/kubectl/printers/describe-pod';

const NOW = Date.parse('2025-09-01T09:05:00Z');

// A running nginx pod as the apiserver stores it after defaulting and admission (kube-api-access volume,
// default tolerations, priority 0, qosClass) and the kubelet has started it.
function nginxPod(): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'nginx',
      namespace: 'default',
      uid: '5b1d3c1e-8f0a-4c55-9d5e-2f2b7f0c9a11',
      creationTimestamp: '2025-09-01T09:00:00Z',
      labels: { run: 'nginx' },
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","kind":"Pod"}\n' },
    },
    spec: {
      containers: [{
        name: 'nginx',
        image: 'nginx:1.27',
        imagePullPolicy: 'IfNotPresent',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        resources: {},
        volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: 'kube-api-access-5n8nl', readOnly: true }],
      }],
      nodeName: 'node01',
      priority: 0,
      serviceAccountName: 'default',
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
      volumes: [{
        name: 'kube-api-access-5n8nl',
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
            { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
          ],
        },
      }],
    },
    status: {
      phase: 'Running',
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
        type,
        status: 'True' as const,
        lastProbeTime: null,
        lastTransitionTime: '2025-09-01T09:00:02Z',
      })),
      hostIP: '172.30.1.2',
      hostIPs: [{ ip: '172.30.1.2' }],
      podIP: '10.244.1.3',
      podIPs: [{ ip: '10.244.1.3' }],
      startTime: '2025-09-01T09:00:00Z',
      containerStatuses: [{
        name: 'nginx',
        state: { running: { startedAt: '2025-09-01T09:00:02Z' } },
        lastState: {},
        ready: true,
        restartCount: 0,
        image: 'docker.io/library/nginx:1.27',
        imageID: 'docker.io/library/nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac',
        containerID: 'containerd://8d3b2b4f1d2e9c7a6b5a4f3e2d1c0b9a8f7e6d5c4b3a29180f7e6d5c4b3a2918',
        started: true,
      }],
      qosClass: 'BestEffort',
    },
  };
}

function event(reason: string, message: string, at: string, extra: Partial<Event> = {}): Event {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `nginx.${reason}`, namespace: 'default' },
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'nginx', apiVersion: 'v1', fieldPath: 'spec.containers{nginx}' },
    reason,
    message,
    source: { component: 'kubelet', host: 'node01' },
    firstTimestamp: at,
    lastTimestamp: at,
    count: 1,
    type: 'Normal',
    eventTime: null,
    reportingComponent: 'kubelet',
    reportingInstance: 'node01',
    ...extra,
  };
}

const nginxEvents = (): Event[] => [
  // written by the scheduler through events.k8s.io/v1: eventTime only, no source
  event('Scheduled', 'Successfully assigned default/nginx to node01', '', {
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'nginx', apiVersion: 'v1' },
    source: {},
    firstTimestamp: null,
    lastTimestamp: null,
    count: undefined,
    eventTime: '2025-09-01T08:59:59.904216Z',
    reportingComponent: 'default-scheduler',
    reportingInstance: 'default-scheduler-controlplane',
  }),
  // listed out of time order: describe sorts by time, keeping the listed order for equal times
  event('Created', 'Created container: nginx', '2025-09-01T09:00:02Z'),
  event('Pulling', 'Pulling image "nginx:1.27"', '2025-09-01T09:00:00Z'),
  event('Started', 'Started container nginx', '2025-09-01T09:00:02Z'),
  event('Pulled', 'Successfully pulled image "nginx:1.27" in 1.2s (1.2s including waiting). Image size: 72950000 bytes.', '2025-09-01T09:00:01Z'),
];

// The expected text is derived by hand from staging/src/k8s.io/kubectl/pkg/describe/describe.go (v1.34) describePod,
// not from this implementation: every `w.Write` line, then tabwriter (minwidth 0, padding 2) alignment per block,
// where a block ends at a line without a tab (IPs:, Containers:, nginx:, Mounts:, …) and at DescribeEvents' Flush.
// First block: widest label "Service Account:" (16) + 2 = 18. Container block: "    Restart Count:" (18) + 2 = 20.
// Conditions: "  PodReadyToStartContainers " (28, note the space describe writes) + 2 = 30, rows keep "True ".
// Volume details, QoS, Node-Selectors and Tolerations share one block: "    TokenExpirationSeconds:" (27) + 2 = 29.
// Events columns: "  Normal" 8+2, "Scheduled" 9+2, "4m59s" 5+2, "default-scheduler" 17+2.
const golden = [
  'Name:             nginx',
  'Namespace:        default',
  'Priority:         0',
  'Service Account:  default',
  'Node:             node01/172.30.1.2',
  'Start Time:       Mon, 01 Sep 2025 09:00:00 +0000',
  'Labels:           run=nginx',
  'Annotations:      <none>',
  'Status:           Running',
  'IP:               10.244.1.3',
  'IPs:',
  '  IP:  10.244.1.3',
  'Containers:',
  '  nginx:',
  '    Container ID:   containerd://8d3b2b4f1d2e9c7a6b5a4f3e2d1c0b9a8f7e6d5c4b3a29180f7e6d5c4b3a2918',
  '    Image:          nginx:1.27',
  '    Image ID:       docker.io/library/nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac',
  '    Port:           80/TCP',
  '    Host Port:      0/TCP',
  '    State:          Running',
  '      Started:      Mon, 01 Sep 2025 09:00:02 +0000',
  '    Ready:          True',
  '    Restart Count:  0',
  '    Environment:    <none>',
  '    Mounts:',
  '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-5n8nl (ro)',
  'Conditions:',
  '  Type                        Status',
  '  PodReadyToStartContainers   True ',
  '  Initialized                 True ',
  '  Ready                       True ',
  '  ContainersReady             True ',
  '  PodScheduled                True ',
  'Volumes:',
  '  kube-api-access-5n8nl:',
  '    Type:                    Projected (a volume that contains injected data from multiple sources)',
  '    TokenExpirationSeconds:  3607',
  '    ConfigMapName:           kube-root-ca.crt',
  '    Optional:                false',
  '    DownwardAPI:             true',
  'QoS Class:                   BestEffort',
  'Node-Selectors:              <none>',
  'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
  '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
  'Events:',
  '  Type    Reason     Age    From               Message',
  '  ----    ------     ----   ----               -------',
  '  Normal  Scheduled  5m     default-scheduler  Successfully assigned default/nginx to node01',
  '  Normal  Pulling    5m     kubelet            Pulling image "nginx:1.27"',
  '  Normal  Pulled     4m59s  kubelet            Successfully pulled image "nginx:1.27" in 1.2s (1.2s including waiting). Image size: 72950000 bytes.',
  '  Normal  Created    4m58s  kubelet            Created container: nginx',
  '  Normal  Started    4m58s  kubelet            Started container nginx',
  '',
].join('\n');

test('a running nginx pod with its events describes exactly as kubectl v1.34', () => {
  expect(describePod(nginxPod(), nginxEvents(), { now: NOW })).toBe(golden);
});

test('no events prints Events: <none> aligned with the block above it', () => {
  const out = describePod(nginxPod(), [], { now: NOW });
  expect(out.endsWith('Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n' +
    '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n' +
    'Events:                      <none>\n')).toBe(true);
});

test('null events (--show-events=false) leaves the section out', () => {
  expect(describePod(nginxPod(), null, { now: NOW })).not.toContain('Events:');
});

test('a repeated event ages as "last (xN over first)"', () => {
  const backoff = event('BackOff', 'Back-off restarting failed container nginx in pod nginx_default(5b1d3c1e)', '2025-09-01T09:01:00Z', {
    type: 'Warning',
    count: 7,
    lastTimestamp: '2025-09-01T09:04:35Z',
  });
  expect(describePod(nginxPod(), [backoff], { now: NOW })).toContain(
    'Events:\n' +
      '  Type     Reason   Age               From     Message\n' +
      '  ----     ------   ----              ----     -------\n' +
      '  Warning  BackOff  25s (x7 over 4m)  kubelet  Back-off restarting failed container nginx in pod nginx_default(5b1d3c1e)\n',
  );
});

test('a crash-looping container shows Waiting, its last termination and the restart count', () => {
  const p = nginxPod();
  p.status!.containerStatuses![0] = {
    ...p.status!.containerStatuses![0],
    state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container' } },
    lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: '2025-09-01T09:04:00Z', finishedAt: '2025-09-01T09:04:01Z' } },
    ready: false,
    restartCount: 3,
  };
  expect(describePod(p, null, { now: NOW })).toContain(
    '    State:          Waiting\n' +
      '      Reason:       CrashLoopBackOff\n' +
      '    Last State:     Terminated\n' +
      '      Reason:       Error\n' +
      '      Exit Code:    1\n' +
      '      Started:      Mon, 01 Sep 2025 09:04:00 +0000\n' +
      '      Finished:     Mon, 01 Sep 2025 09:04:01 +0000\n' +
      '    Ready:          False\n' +
      '    Restart Count:  3\n',
  );
});

test('a pod being deleted shows how long it has been terminating and its grace period', () => {
  const p = nginxPod();
  p.metadata.deletionTimestamp = '2025-09-01T09:04:50Z';
  p.metadata.deletionGracePeriodSeconds = 30;
  const out = describePod(p, null, { now: NOW });
  expect(out).toContain('Status:                    Terminating (lasts 10s)\nTermination Grace Period:  30s\n');
});

test('resources, probes, command and environment print in describeContainers order', () => {
  const p = nginxPod();
  Object.assign(p.spec.containers[0], {
    command: ['sh', '-c'],
    args: ['echo hi\nsleep 3600'],
    resources: { limits: { memory: '128Mi', cpu: '500m' }, requests: { cpu: '250m', memory: '64Mi' } },
    livenessProbe: { httpGet: { path: '/healthz', port: 80, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
    readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 },
    env: [
      { name: 'GREETING', value: 'hello' },
      { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
      { name: 'NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
      { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
      { name: 'CPU_REQ', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1m' } } },
      { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
    ],
  });
  p.status!.qosClass = 'Burstable';
  expect(describePod(p, null, { now: NOW })).toContain(
    // Lines without a tab (Command:, Limits:, Requests:, Environment:) end a column block, so widths change.
    '    Container ID:  containerd://8d3b2b4f1d2e9c7a6b5a4f3e2d1c0b9a8f7e6d5c4b3a29180f7e6d5c4b3a2918\n' +
      '    Image:         nginx:1.27\n' +
      '    Image ID:      docker.io/library/nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac\n' +
      '    Port:          80/TCP\n' +
      '    Host Port:     0/TCP\n' +
      '    Command:\n' +
      '      sh\n' +
      '      -c\n' +
      '    Args:\n' +
      '      echo hi\n' +
      '      sleep 3600\n' +
      '    State:          Running\n' +
      '      Started:      Mon, 01 Sep 2025 09:00:02 +0000\n' +
      '    Ready:          True\n' +
      '    Restart Count:  0\n' +
      '    Limits:\n' +
      '      cpu:     500m\n' +
      '      memory:  128Mi\n' +
      '    Requests:\n' +
      '      cpu:      250m\n' +
      '      memory:   64Mi\n' +
      '    Liveness:   http-get http://:80/healthz delay=0s timeout=1s period=10s #success=1 #failure=3\n' +
      '    Readiness:  exec [cat /tmp/ready] delay=5s timeout=1s period=5s #success=1 #failure=3\n' +
      '    Environment:\n' +
      '      GREETING:  hello\n' +
      '      POD_NAME:  nginx (v1:metadata.name)\n' +
      '      NODE:       (v1:spec.nodeName)\n' +
      '      MEM:       128 (limits.memory)\n' +
      '      CPU_REQ:   250 (requests.cpu)\n' +
      "      PASSWORD:  <set to the key 'password' in secret 'db'>  Optional: false\n" +
      '    Mounts:\n',
  );
});

test('a resource field with no limit set reads as node allocatable', () => {
  const p = nginxPod();
  p.spec.containers[0].env = [{ name: 'LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '0' } } }];
  expect(describePod(p, null, { now: NOW })).toContain('    Environment:\n      LIMIT:  node allocatable (limits.memory)\n');
});

describe('DescribeProbe', () => {
  const attrs = { initialDelaySeconds: 3, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };
  test.each([
    [{ httpGet: { path: '/healthz', port: 8080, scheme: 'HTTPS', host: '10.0.0.1' } }, 'http-get https://10.0.0.1:8080/healthz'],
    [{ httpGet: { path: '/', port: 'liveness-port', scheme: 'HTTP' } }, 'http-get http://:liveness-port/'],
    [{ httpGet: { path: '/a b', port: 80, scheme: 'HTTP', host: '::1' } }, 'http-get http://[::1]:80/a%20b'],
    [{ tcpSocket: { port: 6379 } }, 'tcp-socket :6379'],
    [{ grpc: { port: 2379 } }, 'grpc <pod>:2379 '],
    [{ exec: { command: ['cat', '/tmp/healthy'] } }, 'exec [cat /tmp/healthy]'],
    [{}, 'unknown'],
  ])('%j', (handler, want) => {
    expect(describeProbe({ ...attrs, ...handler })).toBe(`${want} delay=3s timeout=1s period=10s #success=1 #failure=3`);
  });
});

test('times print as Go time.RFC1123Z in UTC; a missing one is the zero time', () => {
  expect(formatRFC1123Z('2024-02-29T23:59:07Z')).toBe('Thu, 29 Feb 2024 23:59:07 +0000');
  expect(formatRFC1123Z('1970-01-01T00:00:00Z')).toBe('Thu, 01 Jan 1970 00:00:00 +0000');
  expect(formatRFC1123Z(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
});

test('long and multi-line annotations print on their own lines, cut at 140 bytes', () => {
  const p = nginxPod();
  p.metadata.annotations = { short: 'yes', note: 'line one\nline two\n', long: 'x'.repeat(200) };
  expect(describePod(p, null, { now: NOW })).toContain(
    'Annotations:      long:\n' +
      `                    ${'x'.repeat(138)}...\n` +
      '                  note:\n' +
      '                    line one\n' +
      '                    line two\n' +
      '                  short: yes\n',
  );
});
