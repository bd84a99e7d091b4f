import { runProgram } from '../support/program';
import { createCluster, type Cluster } from '@/lib/sim/cluster';
import { createKubectl } from '@/lib/kubectl/kubectl';
import { formatLogTimestamp } from '@/lib/kubectl/commands/logs';
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

type C = { name: string; image: string; command?: string[] };
const pod = (name: string, containers: C[], init: C[] = []): Pod =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers, ...(init.length ? { initContainers: init } : {}) } }) as unknown as Pod;

const talker: C = { name: 'talker', image: 'busybox:1.36', command: ['sh', '-c', 'echo one; echo two; echo three; sleep 3600'] };

function withPods(c: Cluster, ...pods: Pod[]) {
  for (const p of pods) c.api.create('pods', p);
  c.clock.advance(30_000);
}

describe('kubectl logs', () => {
  test('prints what the container wrote; --tail keeps the last lines', () => {
    const { cluster, k } = setup();
    withPods(cluster, pod('chatty', [talker]));
    expect(k('kubectl logs chatty')).toEqual({ stdout: 'one\ntwo\nthree\n', stderr: '', exitCode: 0 });
    expect(k('kubectl logs chatty --tail=2').stdout).toBe('two\nthree\n');
    expect(k('kubectl logs chatty --tail 0').stdout).toBe('');
    expect(k('kubectl logs pod/chatty -f').stdout).toBe('one\ntwo\nthree\n');
  });

  test('--timestamps prefixes each line with an RFC 3339 time of nine fractional digits', () => {
    const { cluster, k } = setup();
    withPods(cluster, pod('chatty', [talker]));
    const lines = k('kubectl logs chatty --timestamps').stdout.split('\n');
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z one$/);
    expect(formatLogTimestamp(Date.parse('2025-09-01T09:00:00.5Z'))).toBe('2025-09-01T09:00:00.500000000Z');
  });

  test('several containers: the first by default with a notice, -c or a second argument picks one', () => {
    const { cluster, k } = setup();
    withPods(cluster, pod('two', [{ name: 'web', image: 'nginx:1.27' }, talker], [{ name: 'setup', image: 'busybox:1.36', command: ['sh', '-c', 'echo ready'] }]));
    expect(k('kubectl logs two').stderr).toBe('Defaulted container "web" out of: web, talker, setup (init)\n');
    expect(k('kubectl logs two -c talker')).toEqual({ stdout: 'one\ntwo\nthree\n', stderr: '', exitCode: 0 });
    expect(k('kubectl logs two talker').stdout).toBe('one\ntwo\nthree\n');
    expect(k('kubectl logs two -c setup').stdout).toBe('ready\n');
    expect(k('kubectl logs two -c nope')).toEqual({ stdout: '', stderr: 'error: container nope is not valid for pod two out of: web, talker, setup (init)\n', exitCode: 1 });
  });

  test('--previous reads the instance before a restart, and is refused when there was none', () => {
    const { cluster, k } = setup();
    withPods(cluster, pod('crashy', [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo starting; exit 1'] }]));
    cluster.clock.advance(30_000);
    expect(k('kubectl logs crashy --previous')).toEqual({ stdout: 'starting\n', stderr: '', exitCode: 0 });
    expect(k('kubectl logs crashy')).toEqual({ stdout: 'starting\n', stderr: '', exitCode: 0 });
    withPods(cluster, pod('chatty', [talker]));
    expect(k('kubectl logs chatty -p')).toEqual({ stdout: '', stderr: 'Error from server (BadRequest): previous terminated container "talker" in pod "chatty" not found\n', exitCode: 1 });
  });

  test('a container that has not started yet is waiting to start', () => {
    const { cluster, k } = setup();
    cluster.api.create('pods', pod('fresh', [{ name: 'web', image: 'nginx:1.27' }]));
    cluster.clock.advance(500);
    expect(k('kubectl logs fresh')).toEqual({ stdout: '', stderr: 'Error from server (BadRequest): container "web" in pod "fresh" is waiting to start: ContainerCreating\n', exitCode: 1 });
  });

  test.each([
    ['kubectl logs', "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n"],
    ['kubectl logs a b c', "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n"],
    ['kubectl logs missing', 'Error from server (NotFound): pods "missing" not found\n'],
  ])('%s fails with kubectl\'s message', (line, stderr) => {
    const { k } = setup();
    expect(k(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});
