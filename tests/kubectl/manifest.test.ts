import { parseManifest } from '@/lib/kubectl/manifest';

// Expected texts are go-yaml v2's own, produced by ghodss/yaml.YAMLToJSON over gopkg.in/yaml.v2 (Debian's
// golang-gopkg-yaml.v2-dev), the conversion kubectl runs before it decodes a manifest.
describe('YAML syntax errors read as kubectl reports them', () => {
  test.each([
    ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\n spec:\n', 'yaml: line 4: did not find expected key'],
    ['a: b\n  c: d\n', 'yaml: line 2: mapping values are not allowed in this context'],
    ['a:\n\t- b\n', 'yaml: line 2: found character that cannot start any token'],
    ['a: [1, 2\n', "yaml: line 1: did not find expected ',' or ']'"],
    ["a: 'x\n", 'yaml: line 2: found unexpected end of stream'],
    ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: nginx\n   image: nginx\n', 'yaml: line 7: did not find expected key'],
    ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels:\n    app: web\n  annotations\n    a: b\n', "yaml: line 8: could not find expected ':'"],
    ['key: value: other\n', 'yaml: mapping values are not allowed in this context'],
    ['a:\n  - b\n  c: d\n', "yaml: line 2: did not find expected '-' indicator"],
  ])('%j', (text, goYaml) => {
    expect(() => parseManifest(text, 'pod.yaml')).toThrow(`error parsing pod.yaml: error converting YAML to JSON: ${goYaml}`);
  });

  test('several documents, empty ones skipped, and a List', () => {
    const objs = parseManifest('---\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\n---\napiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Pod, metadata: {name: b}}\n', 'f.yaml');
    expect(objs.map((o) => o.object.metadata.name)).toEqual(['a', 'b']);
  });

  test('a document without kind is refused as kubectl validation refuses it', () => {
    expect(() => parseManifest('apiVersion: v1\nmetadata: {name: a}\n', 'f.yaml')).toThrow('error validating "f.yaml": error validating data: [kind not set]; if you choose to ignore these errors, turn validation off with --validate=false');
  });
});

describe('typed decoding of metadata, as kubectl decodes before it sends anything', () => {
  test.each([
    ['    enabled: true', 'bool'],
    ['    retries: 3', 'number'],
    ['    nested: {a: b}', 'object'],
  ])('%s is refused: annotation values must be strings', (line, type) => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  annotations:\n${line}\n`;
    expect(() => parseManifest(text, '13.yaml')).toThrow(`unable to decode "13.yaml": json: cannot unmarshal ${type} into Go struct field ObjectMeta.metadata.annotations of type string`);
  });

  test('a quoted value and an empty value are strings', () => {
    const [{ object }] = parseManifest('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  annotations:\n    enabled: "true"\n    empty:\n', 'f.yaml');
    expect(object.metadata.annotations).toEqual({ enabled: 'true', empty: '' });
  });
});
