/**
 * `kubectl explain`: plaintext.tmpl's layout (v1.34) over the simulator's schema, and explain's errors.
 */
import { createCluster } from '@/lib/sim/cluster';
import { createKubectl } from '@/lib/kubectl/kubectl';
import { runProgram } from '../support/program';
import { DESCRIPTIONS } from '@/lib/sim/schema/descriptions';
import { wrapString } from '@/lib/kubectl/help';
import { createLab } from '@/lib/lab';

function kubectl(...argv: string[]) {
  const cluster = createCluster({ seed: 1 });
  return runProgram(createKubectl(cluster), cluster, { argv, stdin: '', fs: undefined as never, isTTY: false, env: {} } as never);
}

describe('kubectl explain', () => {
  test('a kind: header, description, then every field sorted, tab before the type, description indented 4', () => {
    const r = kubectl('explain', 'pods');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual(['KIND:       Pod', 'VERSION:    v1', '', 'DESCRIPTION:']);
    expect(lines[4]).toBe(`    ${wrapString(DESCRIPTIONS.Pod[''], 76).split('\n')[0]}`);
    const fields = lines.filter((l) => /^ {2}\S+\t/.test(l));
    expect(fields).toEqual(['  apiVersion\t<string>', '  kind\t<string>', '  metadata\t<ObjectMeta>', '  spec\t<PodSpec>', '  status\t<PodStatus>']);
    expect(r.stdout.endsWith('\n\n\n')).toBe(true);
  });

  test('a field: FIELD line then two empty lines; the field\'s and its type\'s descriptions run together (wrap drops newlines)', () => {
    const r = kubectl('explain', 'pod.spec.containers.livenessProbe');
    expect(r.stdout.startsWith('KIND:       Pod\nVERSION:    v1\n\nFIELD: livenessProbe <Probe>\n\n\nDESCRIPTION:\n')).toBe(true);
    const joined = DESCRIPTIONS.Container.livenessProbe + DESCRIPTIONS.Probe[''];
    const body = r.stdout.split('DESCRIPTION:\n')[1].split('FIELDS:\n')[0];
    expect(body).toBe(`${wrapString(joined, 76).split('\n').map((l) => `    ${l}`).join('\n')}\n`);
    expect(r.stdout).toContain('\n  initialDelaySeconds\t<integer>\n');
    expect(r.stdout).toContain('\n  httpGet\t<HTTPGetAction>\n');
  });

  test('required fields and enums (short view: at most 4 values, indented with the field)', () => {
    expect(kubectl('explain', 'pod.spec.containers.livenessProbe.httpGet').stdout)
      .toContain('\n  port\t<IntOrString> -required-\n');
    expect(kubectl('explain', 'pod.spec.containers').stdout)
      .toContain('\n  imagePullPolicy\t<string>\n  enum: Always, IfNotPresent, Never\n');
    expect(kubectl('explain', 'pod.spec').stdout).toContain('\n  dnsPolicy\t<string>\n  enum: ClusterFirst, ClusterFirstWithHostNet, Default, None\n');
    expect(kubectl('explain', 'pod.spec.containers.lifecycle').stdout).toContain('\n  stopSignal\t<string>\n  enum: SIGABRT, SIGALRM, SIGBUS, SIGCHLD, ....\n');
  });

  test('a scalar field with an enum: the long ENUM view, no FIELDS', () => {
    const r = kubectl('explain', 'po.spec.restartPolicy');
    expect(r.stdout).toMatch(/^KIND: {7}Pod\nVERSION: {4}v1\n\nFIELD: restartPolicy <string>\nENUM:\n {4}Always\n {4}Never\n {4}OnFailure\n\nDESCRIPTION:\n/);
    expect(r.stdout).not.toContain('FIELDS:');
  });

  test('lists and maps of named types print as []T and map[string]T; Time as string', () => {
    const spec = kubectl('explain', 'pods.spec').stdout;
    expect(spec).toContain('\n  containers\t<[]Container> -required-\n');
    expect(spec).toContain('\n  overhead\t<map[string]Quantity>\n');
    expect(spec).toContain('\n  nodeSelector\t<map[string]string>\n');
    expect(kubectl('explain', 'pod.metadata').stdout).toContain('\n  creationTimestamp\t<string>\n');
  });

  test('--recursive: names only, two spaces per level, every level', () => {
    const r = kubectl('explain', 'pod.spec.containers.livenessProbe', '--recursive');
    expect(r.stdout).toContain('FIELDS:\n  exec\t<ExecAction>\n    command\t<[]string>\n  failureThreshold\t<integer>\n  grpc\t<GRPCAction>\n    port\t<integer> -required-\n    service\t<string>\n');
    expect(r.stdout).toContain('  httpGet\t<HTTPGetAction>\n    host\t<string>\n    httpHeaders\t<[]HTTPHeader>\n      name\t<string> -required-\n      value\t<string> -required-\n');
    expect(r.stdout).toContain('    scheme\t<string>\n    enum: HTTP, HTTPS\n');
    const all = kubectl('explain', 'pods', '--recursive').stdout;
    expect(all.split('\n').length).toBeGreaterThan(700);
    expect(all).toContain('\n      livenessProbe\t<Probe>\n');
  });

  test('resource names: plural, singular, short name, Kind, trailing dot', () => {
    const ref = kubectl('explain', 'pods.spec.restartPolicy').stdout;
    for (const arg of ['pod.spec.restartPolicy', 'po.spec.restartPolicy', 'Pod.spec.restartPolicy', 'pods.spec.restartPolicy.']) expect(kubectl('explain', arg).stdout).toBe(ref);
    expect(kubectl('explain', 'svc').stdout).toContain('KIND:       Service\n');
    expect(kubectl('explain', 'nodes.status.capacity').stdout).toContain('FIELD: capacity <map[string]Quantity>');
    expect(kubectl('explain', 'ev').stdout).toContain('KIND:       Event\n');
  });

  test('a field that does not exist: the header is printed, then text/template\'s error naming the last element', () => {
    for (const [arg, name] of [['pods.spec.containerz', 'containerz'], ['pods.spec.foo.bar', 'bar'], ['pods.spec.restartPolicy.x', 'x'], ['pods.metadata.labels.app', 'app']]) {
      const r = kubectl('explain', arg);
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toBe('KIND:       Pod\nVERSION:    v1\n\n');
      expect(r.stderr).toBe(`error: template: plaintext:39:13: executing "plaintext" at <include "schema" (di...>: error calling include: template: plaintext:67:20: executing "schema" at <throw "error: field ...>: error calling throw: error: field "${name}" does not exist\n`);
    }
  });

  test('errors of the command itself', () => {
    expect(kubectl('explain').stderr).toBe('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
    expect(kubectl('explain', 'pods', 'svc').stderr).toBe('error: We accept only this format: explain RESOURCE\n');
    expect(kubectl('explain', 'deployments').stderr).toBe('error: the server doesn\'t have a resource type "deployments"\n');
    expect(kubectl('explain', 'pods.spec.containers[0]').stderr).toBe('error: invalid jsonpath syntax, first node must be field node\n');
    expect(kubectl('explain', 'pods', '--api-version=apps/v1').stderr).toBe('error: couldn\'t find resource for "apps/v1, Resource=pods"\n');
    expect(kubectl('explain', 'pods', '--api-version=v1').exitCode).toBe(0);
  });
});

test('in the shell, the header comes before the error, as kubectl writes them', () => {
  const lab = createLab({ seed: 1 });
  expect(lab.shell.submit('kubectl explain pods.spec.nope').output).toMatch(/^KIND: {7}Pod\nVERSION: {4}v1\n\nerror: template: [^\n]*"nope" does not exist\n$/);
  expect(lab.shell.submit('kubectl explain pods.spec.nope 2>&1 | head -n 4').output).toMatch(/^KIND: {7}Pod\nVERSION: {4}v1\n\nerror: template: /);
});
