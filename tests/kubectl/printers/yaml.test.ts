import { formatFloatG, toYaml, toYamlList } from '@/lib/kubectl/printers/yaml';

// Scalar styles as go-yaml v2 (through sigs.k8s.io/yaml) picks them: encode.go stringv asks resolve() whether the text
// would read back as a string (else double quotes), and the emitter's scalar analysis downgrades plain to single
// quotes when indicators or surrounding spaces forbid plain, and single to double when only escapes can carry it.
describe('scalar style', () => {
  test.each([
    ['a plain word', 'nginx', 'nginx'],
    ['an image reference', 'docker.io/library/nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['a URL (colon not followed by a space)', 'http://x:80/y', 'http://x:80/y'],
    ['an apostrophe inside', "it's", "it's"],
    ['a # not after a space', 'a#b', 'a#b'],
    ['non-ASCII letters', '日本語', '日本語'],
    ['the empty string', '', '""'],
    ['true', 'true', '"true"'],
    ['False', 'False', '"False"'],
    ['yes (YAML 1.1 bool)', 'yes', '"yes"'],
    ['y', 'y', '"y"'],
    ['NO', 'NO', '"NO"'],
    ['on', 'on', '"on"'],
    ['null', 'null', '"null"'],
    ['~', '~', '"~"'],
    ['an integer', '1', '"1"'],
    ['a negative integer', '-1', '"-1"'],
    ['an octal-looking number', '0755', '"0755"'],
    ['hex', '0x1F', '"0x1F"'],
    ['underscored digits', '1_000', '"1_000"'],
    ['a float', '1.0', '"1.0"'],
    ['a leading-dot float', '.5', '".5"'],
    ['an exponent', '1e3', '"1e3"'],
    ['.inf', '.inf', '".inf"'],
    ['a timestamp', '2025-09-01T09:00:00Z', '"2025-09-01T09:00:00Z"'],
    ['a date', '2025-09-01', '"2025-09-01"'],
    ['a base-60 number', '1:30', '"1:30"'],
    ['not a date (month 13)', '2025-13-01', '2025-13-01'],
    ['a version string', '1.27.3', '1.27.3'],
    ['a word starting like a bool', 'nginx-yes', 'nginx-yes'],
    ['": " inside', 'a: b', "'a: b'"],
    ['a trailing colon', 'key:', "'key:'"],
    ['" #" inside', 'a #b', "'a #b'"],
    ['a leading space', ' lead', "' lead'"],
    ['a trailing space', 'trail ', "'trail '"],
    ['a leading "- "', '- item', "'- item'"],
    ['a leading *', '*star', "'*star'"],
    ['a leading [', '[a]', "'[a]'"],
    ['a leading quote', "'q", "'''q'"],
    ['a leading %', '%p', "'%p'"],
    ['a leading ---', '---x', "'---x'"],
    ['a tab', 'tab\there', '"tab\\there"'],
    ['a control character', 'bell\x07', '"bell\\a"'],
    ['an emoji (4-byte UTF-8 is not printable to yaml.v2)', 'ok 😀', '"ok \\U0001F600"'],
    ['a carriage return', 'a\rb', '"a\\rb"'],
  ])('%s', (_name, value, want) => {
    expect(toYaml({ k: value })).toBe(`k: ${want}\n`);
  });
});

describe('literal block scalars', () => {
  test.each([
    ['a trailing newline clips: |', 'line1\nline2\n', 'k: |\n  line1\n  line2\n'],
    ['no trailing newline strips: |-', 'line1\nline2', 'k: |-\n  line1\n  line2\n'],
    ['two trailing newlines keep: |+', 'line1\n\n', 'k: |+\n  line1\n\n'],
    ['a leading newline adds an indentation hint', '\nx', 'k: |2-\n\n  x\n'],
    ['a leading space adds an indentation hint', ' x\ny', 'k: |2-\n   x\n  y\n'],
  ])('%s', (_name, value, want) => {
    expect(toYaml({ k: value })).toBe(want);
  });

  test('a space before a line break can only be written double-quoted', () => {
    expect(toYaml({ k: 'trail \nx' })).toBe('k: "trail \\nx"\n');
  });

  test('the last-applied-configuration annotation prints as a literal block under metadata.annotations', () => {
    const json = '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"nginx","namespace":"default"}}\n';
    expect(toYaml({ metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': json } } })).toBe(
      'metadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      ' + json,
    );
  });
});

describe('long lines fold at spaces past column 80 (yaml.v2 best_width)', () => {
  test('a plain scalar continues on an indented line', () => {
    const message = 'the quick brown fox jumps over the lazy dog and keeps running far beyond the eighty column mark';
    expect(toYaml({ status: { message } })).toBe(
      'status:\n  message: the quick brown fox jumps over the lazy dog and keeps running far beyond\n    the eighty column mark\n',
    );
  });

  test('a single-quoted scalar folds the same way', () => {
    const message = '0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.';
    expect(toYaml({ message })).toBe(
      "message: '0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:\n  }.'\n",
    );
  });

  test('keys never fold', () => {
    const key = 'k'.repeat(100);
    expect(toYaml({ [key]: 'v' })).toBe(`${key}: v\n`);
  });
});

describe('collections', () => {
  test('a sequence under a mapping key is not indented; mappings in it are', () => {
    expect(toYaml({ spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] }] } })).toBe(
      'spec:\n  containers:\n  - image: nginx\n    name: nginx\n    ports:\n    - containerPort: 80\n',
    );
  });

  test('empty collections are flow style, null is null', () => {
    expect(toYaml({ a: {}, b: [], c: null, d: [[]], e: [{}] })).toBe('a: {}\nb: []\nc: null\nd:\n- []\ne:\n- {}\n');
  });

  test('a sequence of scalars, and of sequences', () => {
    expect(toYaml({ args: ['sh', '-c', 'echo hi'], m: [['a', 'b']] })).toBe('args:\n- sh\n- -c\n- echo hi\nm:\n- - a\n  - b\n');
  });

  test('keys sort the yaml.v2 way: non-letters first, digit runs by value', () => {
    const obj = { b: 1, a: 1, B: 1, _x: 1, a10: 1, a2: 1, '1': 1 };
    expect(toYaml(obj)).toBe('_x: 1\n"1": 1\nB: 1\na: 1\na2: 1\na10: 1\nb: 1\n');
  });

  test('keys that need quoting', () => {
    expect(toYaml({ y: 1, '': 2, 'a: b': 3 })).toBe('"": 2\n\'a: b\': 3\n"y": 1\n');
  });

  test('a multi-line key is not a simple key: it becomes an explicit "? " key', () => {
    expect(toYaml({ 'x\ny': 4 })).toBe('? |-\n  x\n  y\n: 4\n');
  });

  test('undefined fields are dropped, as the JSON round trip drops them', () => {
    expect(toYaml({ a: undefined, b: 1 })).toBe('b: 1\n');
  });
});

describe('numbers and booleans', () => {
  test('integers, floats and booleans are plain', () => {
    expect(toYaml({ i: 3607, n: -1, f: 0.5, t: true, z: 0 })).toBe('f: 0.5\ni: 3607\n"n": -1\nt: true\nz: 0\n');
  });

  test.each([
    [0.5, '0.5'],
    [1234567.5, '1.2345675e+06'],
    [123456.5, '123456.5'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1e21, '1e+21'],
    [1e-7, '1e-07'],
  ])('floats print as Go FormatFloat(f, g, -1, 64): %d', (f, want) => {
    expect(formatFloatG(f)).toBe(want);
    expect(toYaml({ f })).toBe(`f: ${want}\n`);
  });
});

test('several objects print as a List with an empty resourceVersion', () => {
  expect(toYamlList([{ kind: 'Pod', metadata: { name: 'a' } }])).toBe(
    'apiVersion: v1\nitems:\n- kind: Pod\n  metadata:\n    name: a\nkind: List\nmetadata:\n  resourceVersion: ""\n',
  );
  expect(toYamlList([])).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
});
