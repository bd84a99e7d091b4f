import { createLab } from '@/lib/lab';
import { completeFiles, completeKubectl, createCompleter } from '@/lib/kubectl/complete';
import { globalFlags, kubectlCommands } from '@/lib/kubectl/kubectl';

/** A lab with two pods in default, one in `team`, and a few files. */
function lab() {
  const l = createLab({ isTTY: false });
  const pod = (name: string, ns = 'default') =>
    `kubectl apply -n ${ns} -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: nginx\nEOF`;
  l.shell.submit('kubectl create namespace team'); // may not exist as a command: the manifest below creates it
  l.shell.submit('kubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\nEOF');
  for (const p of [pod('web-1'), pod('web-2'), pod('db-0', 'team')]) l.shell.submit(p);
  l.cluster.clock.settle();
  l.shell.submit('mkdir manifests; echo x > pod.yaml; echo x > pod-2.yaml; echo x > manifests/a.yaml; echo x > .hidden');
  const complete = (words: string[], current: string) => completeKubectl(words, current, l.cluster, l.fs);
  return { ...l, complete };
}

test('the first word completes to the registry’s subcommands', () => {
  const { complete } = lab();
  expect(complete([], '')).toEqual(kubectlCommands.map((c) => c.name).sort());
  expect(complete([], 'de')).toEqual(['delete', 'describe']);
  expect(complete(['-n', 'team'], 'g')).toEqual(['get']);
});

test('flags come from the command’s declaration plus the global flags; a lone dash adds the shorthands', () => {
  const { complete } = lab();
  const get = kubectlCommands.find((c) => c.name === 'get')!;
  expect(complete(['get'], '--')).toEqual([...get.flags, ...globalFlags].map((f) => `--${f.name}`).sort());
  expect(complete(['get'], '--no')).toEqual(['--no-headers']);
  expect(complete(['get'], '-')).toEqual(expect.arrayContaining(['-o', '-n', '-h', '--output']));
  expect(complete(['delete', 'pods'], '--gr')).toEqual(['--grace-period']);
  expect(complete([], '--name')).toEqual(['--namespace']);
  expect(complete(['get'], '-A')).toEqual(['-A']);
  expect(complete(['get'], '-Z')).toEqual([]);
});

test.each([
  [['get', 'pods', '-o'], '', ['custom-columns=', 'json', 'jsonpath=', 'name', 'wide', 'yaml']],
  [['get', 'pods', '-o'], 'j', ['json', 'jsonpath=']],
  [['get', 'pods'], '--output=y', ['--output=yaml']],
  [['get', 'pods'], '-oy', ['-oyaml']],
  [['get', 'pods', '-n'], '', ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'team']],
  [['get', 'pods'], '--namespace=t', ['--namespace=team']],
])('flag values: kubectl %j %j', (words, current, expected) => {
  const { complete } = lab();
  expect(complete(words, current)).toEqual(expected);
});

test('resource types are the plural names, as `kubectl api-resources -o name` offers them', () => {
  const { complete, cluster } = lab();
  expect(complete(['get'], '')).toEqual([...cluster.api.types.values()].map((t) => t.resource).sort());
  expect(complete(['describe'], 'po')).toEqual(['pods']);
  expect(complete(['delete'], 'e')).toEqual(['endpoints', 'events']);
});

test('object names come from the cluster, in the namespace of -n, by any name of the type', () => {
  const { complete } = lab();
  expect(complete(['get', 'pods'], '')).toEqual(['web-1', 'web-2']);
  expect(complete(['get', 'po'], 'web-')).toEqual(['web-1', 'web-2']);
  expect(complete(['get', 'pod', 'web-1'], '')).toEqual(['web-2']);
  expect(complete(['-n', 'team', 'get', 'pods'], '')).toEqual(['db-0']);
  expect(complete(['describe', 'Pod', '--namespace=team'], '')).toEqual(['db-0']);
  expect(complete(['get', 'pods', '-A'], '')).toEqual(expect.arrayContaining(['db-0', 'etcd-controlplane', 'web-1', 'web-2']));
  expect(complete(['get', 'nodes'], '')).toEqual(['controlplane', 'node01', 'node02']);
  expect(complete(['get', 'nosuchtype'], '')).toEqual([]);
});

test('TYPE/NAME completes to names of that type', () => {
  const { complete } = lab();
  expect(complete(['describe'], 'pod/')).toEqual(['pod/web-1', 'pod/web-2']);
  expect(complete(['get'], 'po/web-2')).toEqual(['po/web-2']);
  expect(complete(['get', 'pod/web-1'], 'pod/')).toEqual(['pod/web-1', 'pod/web-2']);
});

test('label and annotate complete one NAME, then nothing for KEY=VALUE', () => {
  const { complete } = lab();
  expect(complete(['annotate', 'pods'], 'w')).toEqual(['web-1', 'web-2']);
  expect(complete(['annotate', 'pods', 'web-1'], '')).toEqual([]);
  expect(complete(['label', 'pods', 'web-1', 'a=b'], '')).toEqual([]);
});

test('-f completes file names; apply and create take no positional TYPE', () => {
  const { complete } = lab();
  expect(complete(['apply', '-f'], '')).toEqual(['manifests/', 'pod-2.yaml', 'pod.yaml']);
  expect(complete(['apply', '-f'], 'manifests/')).toEqual(['manifests/a.yaml']);
  expect(complete(['create'], '--filename=po')).toEqual(['--filename=pod-2.yaml', '--filename=pod.yaml']);
  expect(complete(['apply'], '')).toEqual([]);
  expect(complete(['nosuch'], '')).toEqual([]);
});

test('completeFiles hides dot files unless asked and resolves ~', () => {
  const { fs } = lab();
  expect(completeFiles(fs, '.h')).toEqual(['.hidden']);
  expect(completeFiles(fs, '~/man')).toEqual(['~/manifests/']);
  expect(completeFiles(fs, 'missing/')).toEqual([]);
});

describe('createCompleter, the shell side', () => {
  test('the first word of each command completes to command names; later words to files', () => {
    const l = lab();
    const complete = createCompleter({ fs: l.fs, cluster: l.cluster, commands: () => l.shell.commands() });
    expect(complete('kub', 3)).toEqual({ start: 0, candidates: ['kubectl'] });
    expect(complete('echo hi | gr', 12)).toEqual({ start: 10, candidates: ['grep'] });
    expect(complete('cat po', 6)).toEqual({ start: 4, candidates: ['pod-2.yaml', 'pod.yaml'], files: true });
    expect(complete('kubectl get pods > ma', 21)).toEqual({ start: 19, candidates: ['manifests/'], files: true });
    expect(complete('kubectl get po', 14)).toEqual({ start: 12, candidates: ['pods'] });
    expect(complete('kubectl get pods w && true', 18)).toEqual({ start: 17, candidates: ['web-1', 'web-2'] });
    expect(complete('echo "open', 10).candidates).toEqual([]);
  });

  test('file names with special characters come back escaped', () => {
    const l = lab();
    l.shell.submit("echo x > 'my file'");
    const complete = createCompleter({ fs: l.fs, cluster: l.cluster, commands: () => l.shell.commands() });
    expect(complete('cat my', 6).candidates).toEqual(['my\\ file']);
    expect(complete('cat my\\ f', 9)).toEqual({ start: 4, candidates: ['my\\ file'], files: true });
  });
});

test('explain completes resource types, then nothing (it takes one TYPE[.FIELD...])', () => {
  const { complete } = lab();
  expect(complete(['explain'], 'po')).toEqual(['pods']);
  expect(complete(['explain', 'pods'], '')).toEqual([]);
});
