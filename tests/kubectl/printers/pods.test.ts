import type { Container, ContainerStatus, Pod, PodCondition, PodStatus } from '@/lib/sim/types';
import { podTable, printPod } from '@/lib/kubectl/printers/pods';

const NOW = Date.parse('2025-09-01T09:05:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const s = 1000;
const day = 24 * 3600 * s;

const containers = (n: number, extra: Partial<Container>[] = []): Container[] =>
  Array.from({ length: n }, (_, i) => ({ name: '', ...extra[i] }));
const cs = (c: Partial<ContainerStatus>): ContainerStatus => ({
  name: '',
  state: {},
  lastState: {},
  ready: false,
  restartCount: 0,
  image: '',
  imageID: '',
  ...c,
});
const restartedAgo = (ms: number) => ({ terminated: { exitCode: 0, finishedAt: ago(ms) } });
const cond = (type: string, status: PodCondition['status'], reason?: string): PodCondition => ({ type, status, lastProbeTime: null, reason });

function pod(name: string, spec: { containers: Container[]; initContainers?: Container[] }, status: PodStatus, deletionTimestamp?: string): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, deletionTimestamp }, spec, status };
}

// Re-expressed from kubernetes pkg/printers/internalversion/printers_test.go TestPrintPod (v1.34). No
// creationTimestamp, so AGE is <unknown> as upstream.
describe('printPod (TestPrintPod)', () => {
  const deleteTime = ago(10 * s);
  test.each<[string, Pod, string[]]>([
    ['name, containers, restarts and ready count', pod('test1', { containers: containers(2) }, {
      phase: 'podPhase',
      containerStatuses: [cs({ ready: true, restartCount: 3, state: { running: {} } }), cs({ restartCount: 3 })],
    }), ['test1', '1/2', 'podPhase', '6', '<unknown>']],
    ['a container waiting reason overwrites the pod phase', pod('test2', { containers: containers(2) }, {
      phase: 'podPhase',
      containerStatuses: [cs({ ready: true, restartCount: 3, state: { running: {} } }), cs({ state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 })],
    }), ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>']],
    ['the first container overwrites the rest', pod('test3', { containers: containers(2) }, {
      phase: 'podPhase',
      containerStatuses: [
        cs({ state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }),
        cs({ state: { terminated: { exitCode: 0, reason: 'ContainerTerminatedReason' } }, restartCount: 3 }),
      ],
    }), ['test3', '0/2', 'ContainerWaitingReason', '6', '<unknown>']],
    ['ready is not enough for reporting running', pod('test4', { containers: containers(2) }, {
      phase: 'podPhase',
      containerStatuses: [cs({ ready: true, restartCount: 3, state: { running: {} } }), cs({ ready: true, restartCount: 3 })],
    }), ['test4', '1/2', 'podPhase', '6', '<unknown>']],
    ['a pod reason wins over the phase', pod('test5', { containers: containers(2) }, {
      reason: 'podReason',
      phase: 'podPhase',
      containerStatuses: [cs({ ready: true, restartCount: 3, state: { running: {} } }), cs({ ready: true, restartCount: 3 })],
    }), ['test5', '1/2', 'podReason', '6', '<unknown>']],
    ['one running and one completed container without a Ready condition is NotReady', pod('test6', { containers: containers(2) }, {
      phase: 'Running',
      containerStatuses: [
        cs({ ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } }),
        cs({ ready: true, restartCount: 3, state: { running: {} } }),
      ],
    }), ['test6', '1/2', 'NotReady', '6', '<unknown>']],
    ['one running and one completed container with a Ready condition is Running', pod('test6', { containers: containers(2) }, {
      phase: 'Running',
      containerStatuses: [
        cs({ ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } }),
        cs({ ready: true, restartCount: 3, state: { running: {} } }),
      ],
      conditions: [cond('Ready', 'True')],
    }), ['test6', '1/2', 'Running', '6', '<unknown>']],
    ['a restarting init container shows Init:0/1 and its last restart', pod('test7', { initContainers: containers(1), containers: containers(1) }, {
      phase: 'podPhase',
      initContainerStatuses: [cs({ restartCount: 3, state: { running: {} }, lastState: restartedAgo(10 * s) })],
      containerStatuses: [cs({ state: { waiting: {} } })],
    }), ['test7', '0/1', 'Init:0/1', '3 (10s ago)', '<unknown>']],
    ['two init containers, the first restarting', pod('test8', { initContainers: containers(2), containers: containers(1) }, {
      phase: 'podPhase',
      initContainerStatuses: [cs({ restartCount: 3, state: { running: {} }, lastState: restartedAgo(10 * s) }), cs({ state: { waiting: {} } })],
      containerStatuses: [cs({ state: { waiting: {} } })],
    }), ['test8', '0/1', 'Init:0/2', '3 (10s ago)', '<unknown>']],
    ['two init containers, the first completed, the second restarting', pod('test9', { initContainers: containers(2), containers: containers(1) }, {
      phase: 'podPhase',
      initContainerStatuses: [cs({ state: { terminated: { exitCode: 0 } } }), cs({ restartCount: 3, state: { running: {} }, lastState: restartedAgo(10 * s) })],
      containerStatuses: [cs({ state: { waiting: {} } })],
    }), ['test9', '0/1', 'Init:1/2', '3 (10s ago)', '<unknown>']],
    ['init restarts add up and the latest restart wins', pod('test10', { initContainers: containers(2), containers: containers(1) }, {
      phase: 'podPhase',
      initContainerStatuses: [
        cs({ restartCount: 2, state: { terminated: { exitCode: 0 } }, lastState: restartedAgo(2 * 60 * s) }),
        cs({ restartCount: 3, state: { running: {} }, lastState: restartedAgo(10 * s) }),
      ],
      containerStatuses: [cs({ state: { waiting: {} } })],
    }), ['test10', '0/1', 'Init:1/2', '5 (10s ago)', '<unknown>']],
    ['once initialized only app container restarts count', pod('test11', { initContainers: containers(1), containers: containers(1) }, {
      phase: 'Running',
      initContainerStatuses: [cs({ restartCount: 2, state: { terminated: { exitCode: 0 } }, lastState: restartedAgo(2 * 60 * s) })],
      containerStatuses: [cs({ restartCount: 4, state: { running: {} }, lastState: restartedAgo(20 * s) })],
    }), ['test11', '0/1', 'Running', '4 (20s ago)', '<unknown>']],
    ['a restart five days ago', pod('test12', { containers: containers(1) }, {
      phase: 'Running',
      containerStatuses: [cs({ ready: true, restartCount: 3, state: { running: {} }, lastState: restartedAgo(5 * day) })],
    }), ['test12', '1/1', 'Running', '3 (5d ago)', '<unknown>']],
    ['one container never restarted, the other ten days ago', pod('test13', { containers: containers(2) }, {
      phase: 'Running',
      containerStatuses: [
        cs({ ready: true, state: { running: {} } }),
        cs({ ready: true, restartCount: 3, state: { running: {} }, lastState: restartedAgo(10 * day) }),
      ],
    }), ['test13', '2/2', 'Running', '3 (10d ago)', '<unknown>']],
    ['the most recent of two restarts is shown', pod('test14', { containers: containers(2) }, {
      phase: 'Running',
      containerStatuses: [
        cs({ ready: true, restartCount: 6, state: { running: {} }, lastState: restartedAgo(5 * day) }),
        cs({ ready: true, restartCount: 3, state: { running: {} }, lastState: restartedAgo(20 * day) }),
      ],
    }), ['test14', '2/2', 'Running', '9 (5d ago)', '<unknown>']],
    ['a SchedulingGated PodScheduled condition', pod('test15', { containers: containers(2) }, {
      phase: 'podPhase',
      conditions: [cond('PodScheduled', 'False', 'SchedulingGated')],
    }), ['test15', '0/2', 'SchedulingGated', '0', '<unknown>']],
    ['a succeeded pod shows Completed', pod('test16', { containers: containers(1) }, {
      phase: 'Succeeded',
      containerStatuses: [cs({ state: { terminated: { reason: 'Completed', exitCode: 0 } } })],
    }), ['test16', '0/1', 'Completed', '0', '<unknown>']],
    ['a failed pod shows the container Error', pod('test17', { containers: containers(1) }, {
      phase: 'Failed',
      containerStatuses: [cs({ state: { terminated: { reason: 'Error', exitCode: 1 } } })],
    }), ['test17', '0/1', 'Error', '0', '<unknown>']],
    ['a succeeded pod being deleted is still Completed', pod('test18', { containers: containers(1) }, {
      phase: 'Succeeded',
      containerStatuses: [cs({ state: { terminated: { reason: 'Completed', exitCode: 0 } } })],
    }, deleteTime), ['test18', '0/1', 'Completed', '0', '<unknown>']],
    ['a running pod being deleted is Terminating', pod('test19', { containers: containers(1) }, {
      phase: 'Running',
      containerStatuses: [cs({ state: { running: {} } })],
    }, deleteTime), ['test19', '0/1', 'Terminating', '0', '<unknown>']],
    ['a pending pod being deleted is Terminating', pod('test20', { containers: containers(1) }, { phase: 'Pending' }, deleteTime),
      ['test20', '0/1', 'Terminating', '0', '<unknown>']],
  ])('%s', (_name, p, want) => {
    expect(printPod(p, NOW)).toEqual(want);
  });
});

// TestPrintPodWithRestartableInitContainer
describe('printPod with sidecars (restartable init containers)', () => {
  const sidecars = [{ name: 'restartable-init-1', restartPolicy: 'Always' }, { name: 'restartable-init-2', restartPolicy: 'Always' }];
  test.each<[string, PodStatus, string[]]>([
    ['the first sidecar running but not started', {
      phase: 'Pending',
      initContainerStatuses: [
        cs({ name: 'restartable-init-1', restartCount: 3, state: { running: {} }, started: false, lastState: restartedAgo(10 * s) }),
        cs({ name: 'restartable-init-2', state: { waiting: {} }, started: false }),
      ],
      containerStatuses: [cs({ state: { waiting: {} } })],
      conditions: [cond('Initialized', 'False')],
    }, ['test1', '0/3', 'Init:0/2', '3 (10s ago)', '<unknown>']],
    ['the first sidecar started, the second running but not started', {
      phase: 'Pending',
      initContainerStatuses: [
        cs({ name: 'restartable-init-1', restartCount: 3, state: { running: {} }, started: true, lastState: restartedAgo(10 * s) }),
        cs({ name: 'restartable-init-2', state: { running: {} }, started: false }),
      ],
      containerStatuses: [cs({ state: { waiting: {} } })],
      conditions: [cond('Initialized', 'False')],
    }, ['test1', '0/3', 'Init:1/2', '3 (10s ago)', '<unknown>']],
    ['both sidecars started and the container running', {
      phase: 'Running',
      initContainerStatuses: [
        cs({ name: 'restartable-init-1', restartCount: 3, state: { running: {} }, started: true, lastState: restartedAgo(10 * s) }),
        cs({ name: 'restartable-init-2', state: { running: {} }, started: true }),
      ],
      containerStatuses: [cs({ ready: true, restartCount: 4, state: { running: {} }, lastState: restartedAgo(20 * s) })],
      conditions: [cond('Initialized', 'True')],
    }, ['test1', '1/3', 'Running', '7 (10s ago)', '<unknown>']],
    ['sidecars killed after the container completed', {
      phase: 'Succeeded',
      initContainerStatuses: [
        cs({ name: 'restartable-init-1', restartCount: 3, state: { terminated: { reason: 'Error', exitCode: 137 } }, started: false, lastState: restartedAgo(10 * s) }),
        cs({ name: 'restartable-init-2', state: { terminated: { reason: 'Error', exitCode: 137 } }, started: false }),
      ],
      containerStatuses: [cs({ restartCount: 4, state: { terminated: { reason: 'Completed', exitCode: 0 } }, lastState: restartedAgo(20 * s) })],
      conditions: [cond('Initialized', 'True')],
    }, ['test1', '0/3', 'Completed', '7 (10s ago)', '<unknown>']],
  ])('%s', (_name, status, want) => {
    expect(printPod(pod('test1', { initContainers: sidecars, containers: containers(1) }, status), NOW)).toEqual(want);
  });

  test('statuses for containers the spec does not have', () => {
    const p = pod('test4', {
      initContainers: [{ name: 'init1', image: 'initimage' }, { name: 'sidecar1', image: 'sidecarimage', restartPolicy: 'Always' }],
      containers: [{ name: 'container1', image: 'containerimage' }],
    }, {
      phase: 'Running',
      initContainerStatuses: [cs({ name: 'initinvalid' }), cs({ name: 'init1' }), cs({ name: 'sidecar1' })],
      containerStatuses: [cs({ name: 'containerinvalid' }), cs({ name: 'container1' })],
    });
    expect(printPod(p, NOW)).toEqual(['test4', '0/2', 'Init:0/2', '0', '<unknown>']);
  });
});

describe('printPod status reasons the kubelet produces', () => {
  test.each<[string, PodStatus, string]>([
    ['CrashLoopBackOff', { phase: 'Running', containerStatuses: [cs({ state: { waiting: { reason: 'CrashLoopBackOff' } } })] }, 'CrashLoopBackOff'],
    ['ContainerCreating', { phase: 'Pending', containerStatuses: [cs({ state: { waiting: { reason: 'ContainerCreating' } } })] }, 'ContainerCreating'],
    ['OOMKilled', { phase: 'Running', containerStatuses: [cs({ state: { terminated: { reason: 'OOMKilled', exitCode: 137 } } })] }, 'OOMKilled'],
    ['a signal without a reason', { phase: 'Running', containerStatuses: [cs({ state: { terminated: { exitCode: 137, signal: 9 } } })] }, 'Signal:9'],
    ['an exit code without a reason', { phase: 'Running', containerStatuses: [cs({ state: { terminated: { exitCode: 2 } } })] }, 'ExitCode:2'],
    ['an init container crash-looping', {
      phase: 'Pending',
      initContainerStatuses: [cs({ state: { waiting: { reason: 'CrashLoopBackOff' } } })],
      containerStatuses: [cs({ state: { waiting: { reason: 'PodInitializing' } } })],
    }, 'Init:CrashLoopBackOff'],
    ['an init container that failed', {
      phase: 'Pending',
      initContainerStatuses: [cs({ state: { terminated: { reason: 'Error', exitCode: 1 } } })],
    }, 'Init:Error'],
    ['an init container killed by a signal', { phase: 'Pending', initContainerStatuses: [cs({ state: { terminated: { exitCode: 143, signal: 15 } } })] }, 'Init:Signal:15'],
    ['an init container exiting non-zero without a reason', { phase: 'Pending', initContainerStatuses: [cs({ state: { terminated: { exitCode: 3 } } })] }, 'Init:ExitCode:3'],
    ['init done, containers waiting for PodInitializing', {
      phase: 'Pending',
      initContainerStatuses: [cs({ state: { terminated: { reason: 'Completed', exitCode: 0 } } })],
      containerStatuses: [cs({ state: { waiting: { reason: 'PodInitializing' } } })],
    }, 'PodInitializing'],
  ])('%s', (_name, status, reason) => {
    const p = pod('p', { initContainers: status.initContainerStatuses ? containers(1) : undefined, containers: containers(1) }, status);
    expect(printPod(p, NOW)[2]).toBe(reason);
  });

  test('a deleted pod on an unreachable node is Unknown', () => {
    const p = pod('p', { containers: containers(1) }, { phase: 'Running', reason: 'NodeLost' }, ago(s));
    expect(printPod(p, NOW)[2]).toBe('Unknown');
  });
});

// TestPrintPodwide
describe('printPod -o wide', () => {
  const gates = [{ conditionType: 'condition1' }, { conditionType: 'condition2' }, { conditionType: 'condition3' }];
  const running = [cs({ ready: true, restartCount: 3, state: { running: {} } }), cs({ restartCount: 3 })];
  test.each<[string, Pod, string[]]>([
    ['node, IP, nominated node and readiness gates', {
      ...pod('test1', { containers: containers(2) }, {
        phase: 'podPhase',
        conditions: [cond('condition1', 'False'), cond('condition2', 'True')],
        podIPs: [{ ip: '1.1.1.1' }],
        containerStatuses: running,
        nominatedNodeName: 'node1',
      }),
      spec: { containers: containers(2), nodeName: 'test1', readinessGates: gates },
    }, ['test1', '1/2', 'podPhase', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '1/3']],
    ['the first of several pod IPs', {
      ...pod('test1', { containers: containers(2) }, {
        phase: 'podPhase',
        conditions: [cond('condition1', 'False'), cond('condition2', 'True')],
        podIPs: [{ ip: '1.1.1.1' }, { ip: '2001:db8::' }],
        containerStatuses: running,
        nominatedNodeName: 'node1',
      }),
      spec: { containers: containers(2), nodeName: 'test1', readinessGates: gates },
    }, ['test1', '1/2', 'podPhase', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '1/3']],
    ['nothing known yet', pod('test2', { containers: containers(2) }, {
      phase: 'podPhase',
      containerStatuses: [cs({ ready: true, restartCount: 3, state: { running: {} } }), cs({ state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 })],
    }), ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>', '<none>', '<none>', '<none>', '<none>']],
  ])('%s', (_name, p, want) => {
    expect(printPod(p, NOW, true)).toEqual(want);
  });
});

describe('podTable', () => {
  const nginx: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'nginx', namespace: 'default', creationTimestamp: '2025-09-01T09:00:00Z', labels: { run: 'nginx' } },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }], nodeName: 'node01' },
    status: {
      phase: 'Running',
      podIP: '10.244.1.3',
      podIPs: [{ ip: '10.244.1.3' }],
      containerStatuses: [cs({ name: 'nginx', ready: true, state: { running: { startedAt: '2025-09-01T09:00:02Z' } } })],
    },
  };
  const crashing: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'crashy-app', namespace: 'team-a', creationTimestamp: '2025-09-01T08:00:00Z' },
    spec: { containers: [{ name: 'app', image: 'busybox' }] },
    status: {
      phase: 'Running',
      containerStatuses: [cs({ name: 'app', restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: restartedAgo(25 * s) })],
    },
  };

  test('prints NAME READY STATUS RESTARTS AGE, padded to the widest cell plus three', () => {
    expect(podTable([nginx, crashing], { now: NOW })).toBe(
      'NAME         READY   STATUS             RESTARTS      AGE\n' +
        'nginx        1/1     Running            0             5m\n' +
        'crashy-app   0/1     CrashLoopBackOff   3 (25s ago)   65m\n',
    );
  });

  test('-o wide adds IP, NODE, NOMINATED NODE and READINESS GATES', () => {
    expect(podTable([nginx], { now: NOW, wide: true })).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES\n' +
        'nginx   1/1     Running   0          5m    10.244.1.3   node01   <none>           <none>\n',
    );
  });

  test('-A puts NAMESPACE first and --show-labels puts LABELS last', () => {
    expect(podTable([nginx, crashing], { now: NOW, withNamespace: true, showLabels: true })).toBe(
      'NAMESPACE   NAME         READY   STATUS             RESTARTS      AGE   LABELS\n' +
        'default     nginx        1/1     Running            0             5m    run=nginx\n' +
        'team-a      crashy-app   0/1     CrashLoopBackOff   3 (25s ago)   65m   <none>\n',
    );
  });

  test('--no-headers prints only rows', () => {
    expect(podTable([nginx], { now: NOW, noHeaders: true })).toBe('nginx   1/1   Running   0     5m\n');
  });

  test('no pods prints nothing (kubectl says "No resources found" on stderr)', () => {
    expect(podTable([], { now: NOW })).toBe('');
    expect(podTable([], { now: NOW, noHeaders: true })).toBe('');
  });
});
