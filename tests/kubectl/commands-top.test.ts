import { runProgram } from '../support/program';
import { createCluster } from '@/lib/sim/cluster';
import { createKubectl } from '@/lib/kubectl/kubectl';
import { createVirtualFs } from '@/lib/shell/vfs';
import type { Pod } from '@/lib/sim/types';

function setup() {
  const cluster = createCluster({ seed: 1 });
  const kubectl = createKubectl(cluster);
  const fs = createVirtualFs();
  const k = (line: string) => {
    const r = runProgram(kubectl, cluster, { argv: line.split(' ').slice(1), stdin: '', fs, isTTY: false });
    cluster.clock.settle();
    return r;
  };
  return { cluster, k };
}

const web: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } as unknown as Pod;

describe('kubectl top', () => {
  test('top pod prints NAME, CPU(cores) in millicores and MEMORY(bytes) in Mi', () => {
    const { cluster, k } = setup();
    cluster.api.create('pods', web);
    cluster.clock.advance(60_000);
    const r = k('kubectl top pod');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^NAME   CPU\(cores\)   MEMORY\(bytes\)   \nweb    \d+m +\d+Mi +\n$/);
    expect(k('kubectl top pod web --containers').stdout).toMatch(/^POD   NAME    CPU\(cores\)   MEMORY\(bytes\)   \nweb   nginx   \d+m +\d+Mi +\n$/);
    expect(k('kubectl top pod -A').stdout.split('\n')[0]).toBe('NAMESPACE     NAME                                   CPU(cores)   MEMORY(bytes)   ');
  });

  test('a pod without metrics yet: NotFound from metrics-server by name, "metrics not available yet" in a list', () => {
    const { cluster, k } = setup();
    cluster.api.create('pods', web);
    cluster.clock.advance(5_000);
    expect(k('kubectl top pod web')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): podmetrics.metrics.k8s.io "default/web" not found\n', exitCode: 1 });
    expect(k('kubectl top pod')).toEqual({ stdout: '', stderr: 'error: metrics not available yet\n', exitCode: 1 });
    expect(k('kubectl top pod nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
  });

  test('a pod older than metricsCreationDelay with no metrics names itself and its age', () => {
    const { cluster, k } = setup();
    cluster.api.create('pods', { ...web, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }], nodeSelector: { nowhere: 'true' } } } as unknown as Pod);
    cluster.clock.advance(150_000);
    expect(k('kubectl top pod').stderr).toMatch(/^error: Metrics not available for pod default\/web, age: 2m3\d(\.\d+)?s\n$/);
  });

  test('an empty namespace has no resources', () => {
    const { k } = setup();
    expect(k('kubectl top pod')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });

  test('top node adds CPU(%) and MEMORY(%) of allocatable', () => {
    const { cluster, k } = setup();
    cluster.clock.advance(60_000);
    const r = k('kubectl top node');
    expect(r.stdout.split('\n')[0]).toBe('NAME           CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   ');
    expect(r.stdout.split('\n').slice(1, 4).map((l) => l.split(/ +/)[0])).toEqual(['controlplane', 'node01', 'node02']);
    expect(r.stdout.split('\n')[2]).toMatch(/^node01 +\d+m +\d+% +\d+Mi +\d+% +$/);
    expect(k('kubectl top node nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): nodemetrics.metrics.k8s.io "nope" not found\n', exitCode: 1 });
  });

  test.each([
    ['kubectl top pod a b', "error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples\n"],
    ['kubectl top node a b', "error: node [NAME | -l label]\nSee 'kubectl top node -h' for help and examples\n"],
    ['kubectl top foo', "error: unknown command \"foo\"\nSee 'kubectl top -h' for help and examples\n"],
  ])('%s fails with kubectl\'s message', (line, stderr) => {
    const { k } = setup();
    expect(k(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});
