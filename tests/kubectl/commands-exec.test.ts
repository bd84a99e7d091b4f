import { runProgram } from '../support/program';
import { createCluster, type Cluster } from '@/lib/sim/cluster';
import { createKubectl } from '@/lib/kubectl/kubectl';
import { createVirtualFs } from '@/lib/shell/vfs';
import type { Pod } from '@/lib/sim/types';

function setup() {
  const cluster = createCluster({ seed: 1 });
  const kubectl = createKubectl(cluster);
  const fs = createVirtualFs();
  const k = (line: string, stdin = '') => {
    const r = runProgram(kubectl, cluster, { argv: line.split(' ').slice(1), stdin, fs, isTTY: false });
    cluster.clock.settle();
    return r;
  };
  return { cluster, k };
}

const pod = (name: string, containers: Array<{ name: string; image: string; command?: string[] }>, init: Array<{ name: string; image: string; command?: string[] }> = []): Pod =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers, ...(init.length ? { initContainers: init } : {}) } }) as unknown as Pod;

function withPods(c: Cluster, ...pods: Pod[]) {
  for (const p of pods) c.api.create('pods', p);
  c.clock.advance(30_000);
}

describe('kubectl exec', () => {
  test('runs the command in the only container and prints its output', () => {
    const { cluster, k } = setup();
    withPods(cluster, pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    expect(k('kubectl exec web -- cat /etc/hostname')).toEqual({ stdout: 'web\n', stderr: '', exitCode: 0 });
  });

  test('a failing command ends with "command terminated with exit code N" and exits N', () => {
    const { cluster, k } = setup();
    withPods(cluster, pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    expect(k('kubectl exec web -- ls /nope')).toEqual({
      stdout: '',
      stderr: "ls: cannot access '/nope': No such file or directory\ncommand terminated with exit code 2\n",
      exitCode: 2,
    });
  });

  test('with several containers and no -c it names the default container on stderr', () => {
    const { cluster, k } = setup();
    withPods(cluster, pod('two', [{ name: 'a', image: 'nginx:1.27' }, { name: 'b', image: 'busybox:1.36', command: ['sleep', '3600'] }]));
    const r = k('kubectl exec two -- cat /etc/hostname');
    expect(r.stderr).toBe('Defaulted container "a" out of: a, b\n');
    expect(r.stdout).toBe('two\n');
    expect(k('kubectl exec two -q -- cat /etc/hostname').stderr).toBe('');
    expect(k('kubectl exec two -c b -- cat /etc/hostname')).toEqual({ stdout: 'two\n', stderr: '', exitCode: 0 });
  });

  test('-i passes stdin to the command', () => {
    const { cluster, k } = setup();
    withPods(cluster, pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    expect(k('kubectl exec -i web -- cat', 'hello\n').stdout).toBe('hello\n');
    expect(k('kubectl exec web -- cat', 'hello\n').stdout).toBe('');
  });

  test.each([
    ['kubectl exec', 'error: pod, type/name or --filename must be specified\n'],
    ['kubectl exec -- ls', 'error: pod, type/name or --filename must be specified\n'],
    ['kubectl exec web', 'error: you must specify at least one command for the container\n'],
    ['kubectl exec web ls', "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n"],
    ['kubectl exec missing -- ls', 'Error from server (NotFound): pods "missing" not found\n'],
    ['kubectl exec web -c nope -- ls', 'Error from server (BadRequest): container nope is not valid for pod web\n'],
  ])('%s fails with kubectl\'s message', (line, stderr) => {
    const { cluster, k } = setup();
    withPods(cluster, pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    expect(k(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  test('a container that is not running cannot be exec-ed into', () => {
    const { cluster, k } = setup();
    cluster.api.create('pods', pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    cluster.clock.settle();
    expect(k('kubectl exec web -- ls')).toEqual({ stdout: '', stderr: 'error: unable to upgrade connection: container not found ("nginx")\n', exitCode: 1 });
  });

  test('a completed pod refuses exec with its phase', () => {
    const { cluster, k } = setup();
    const p = pod('job', [{ name: 'once', image: 'busybox:1.36', command: ['true'] }]);
    (p.spec as { restartPolicy?: string }).restartPolicy = 'Never';
    withPods(cluster, p);
    expect(k('kubectl exec job -- ls')).toEqual({ stdout: '', stderr: 'error: cannot exec into a container in a completed pod; current phase is Succeeded\n', exitCode: 1 });
  });

  test('a command missing from the image is a runtime error, exit 1', () => {
    const { cluster, k } = setup();
    withPods(cluster, pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    const r = k('kubectl exec web -- nosuchcmd');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: Internal error occurred: error executing command in container: .*exec: "nosuchcmd": executable file not found in \$PATH: unknown\n$/);
  });
});
