import { runProgram } from '../support/program';
import { createCluster } from '@/lib/sim/cluster';
import { createKubectl } from '@/lib/kubectl/kubectl';
import { createVirtualFs } from '@/lib/shell/vfs';
import type { Pod } from '@/lib/sim/types';

function setup() {
  const cluster = createCluster({ seed: 1 });
  const kubectl = createKubectl(cluster);
  const fs = createVirtualFs();
  const k = (...argv: string[]) => {
    const r = runProgram(kubectl, cluster, { argv, stdin: '', fs, isTTY: false });
    cluster.clock.settle();
    return r;
  };
  return { cluster, k };
}

describe('kubectl run', () => {
  test('--dry-run=client -o yaml prints the Pod kubectl would send', () => {
    const { k } = setup();
    expect(k('run', 'nginx', '--image=nginx', '--dry-run=client', '-o', 'yaml').stdout).toBe(`apiVersion: v1
kind: Pod
metadata:
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`);
  });

  test('flags fill the container; -o json keeps Go struct field order', () => {
    const { k } = setup();
    const r = k('run', 'app', '--image=busybox', '--restart=Never', '--labels=app=x,tier=y', '--port=80', '--env=A=1', '--command', '--dry-run=client', '-o', 'json', '--', 'sh', '-c', 'echo hi');
    expect(JSON.parse(r.stdout)).toEqual({
      kind: 'Pod', apiVersion: 'v1',
      metadata: { name: 'app', labels: { app: 'x', tier: 'y' } },
      spec: { containers: [{ name: 'app', image: 'busybox', command: ['sh', '-c', 'echo hi'], ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }], resources: {} }], restartPolicy: 'Never', dnsPolicy: 'ClusterFirst' },
      status: {},
    });
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['{', '    "kind": "Pod",', '    "apiVersion": "v1",']);
    expect(JSON.parse(k('run', 'app', '--image=busybox', '--dry-run=client', '-o', 'json', '--', 'a', 'b').stdout).spec.containers[0].args).toEqual(['a', 'b']);
  });

  test('creates the pod and says so', () => {
    const { cluster, k } = setup();
    expect(k('run', 'web', '--image=nginx:1.27')).toEqual({ stdout: 'pod/web created\n', stderr: '', exitCode: 0 });
    const p = cluster.api.find<Pod>('pods', 'default', 'web')!;
    expect(p.metadata.labels).toEqual({ run: 'web' });
    expect(p.spec.restartPolicy).toBe('Always');
    expect(k('run', 'web', '--image=nginx:1.27')).toEqual({ stdout: '', stderr: 'Error from server (AlreadyExists): pods "web" already exists\n', exitCode: 1 });
    expect(k('run', 'dry', '--image=nginx', '--dry-run=client').stdout).toBe('pod/dry created (dry run)\n');
    expect(cluster.api.find<Pod>('pods', 'default', 'dry')).toBeUndefined();
  });

  test.each([
    [['run'], 'error: required flag(s) "image" not set\n'],
    [['run', '--image=nginx'], "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n"],
    [['run', 'x', '--image=nginx', '--restart=Bad'], "error: invalid restart policy: Bad\nSee 'kubectl run -h' for help and examples\n"],
    [['run', 'x', '--image=nginx', '--env=A'], 'error: invalid env: A\n'],
    [['run', 'x', '--image=nginx', '--labels=a'], 'error: unexpected label spec: a\n'],
    [['run', 'x', '--image=nginx', '--port=abc'], 'error: strconv.Atoi: parsing "abc": invalid syntax\n'],
    [['run', 'x', '--image=Nginx'], 'error: Invalid image name "Nginx": invalid reference format\n'],
  ])('kubectl %j fails with kubectl\'s message', (argv, stderr) => {
    const { k } = setup();
    expect(k(...argv)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});
