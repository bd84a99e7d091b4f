import { goJsonString, toJson, toJsonList } from '@/lib/kubectl/printers/json';

describe('Go encoding/json string escaping (HTML-safe, Go 1.22+)', () => {
  test.each([
    ['plain text', 'nginx:1.27', '"nginx:1.27"'],
    ['quotes and backslashes', 'say "hi" \\ bye', '"say \\"hi\\" \\\\ bye"'],
    ['HTML characters', '<a href="x">&</a>', '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"'],
    ['short escapes', '\b\f\n\r\t', '"\\b\\f\\n\\r\\t"'],
    ['other control characters', '\x00\x07\x1b\x1f', '"\\u0000\\u0007\\u001b\\u001f"'],
    ['DEL passes through', '\x7f', '"\x7f"'],
    ['line and paragraph separators', '\u2028\u2029', '"\\u2028\\u2029"'],
    ['non-ASCII passes through', 'café 日本 😀', '"café 日本 😀"'],
    ['a lone surrogate is invalid UTF-8', '\ud800', '"\\ufffd"'],
  ])('%s', (_name, value, want) => {
    expect(goJsonString(value)).toBe(want);
  });
});

test('MarshalIndent layout: four spaces, sorted keys, compact empties, trailing newline', () => {
  expect(toJson({ kind: 'Pod', apiVersion: 'v1', metadata: { labels: {}, finalizers: [] }, spec: { containers: [{ name: 'a', ports: [{ containerPort: 80 }] }] } })).toBe(
    [
      '{',
      '    "apiVersion": "v1",',
      '    "kind": "Pod",',
      '    "metadata": {',
      '        "finalizers": [],',
      '        "labels": {}',
      '    },',
      '    "spec": {',
      '        "containers": [',
      '            {',
      '                "name": "a",',
      '                "ports": [',
      '                    {',
      '                        "containerPort": 80',
      '                    }',
      '                ]',
      '            }',
      '        ]',
      '    }',
      '}',
      '',
    ].join('\n'),
  );
});

test('keys sort bytewise (unlike the yaml printer), values keep their JSON types', () => {
  expect(toJson({ b: 1, a: 1, B: 1, _x: 1, a10: 1, a2: 1, '1': 1, n: null, t: true, f: 0.5 })).toBe(
    '{\n    "1": 1,\n    "B": 1,\n    "_x": 1,\n    "a": 1,\n    "a10": 1,\n    "a2": 1,\n    "b": 1,\n    "f": 0.5,\n    "n": null,\n    "t": true\n}\n',
  );
});

test('several objects print as a List with an empty resourceVersion', () => {
  expect(toJsonList([])).toBe(
    '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
  );
  expect(toJsonList([{ kind: 'Pod' }])).toBe(
    '{\n    "apiVersion": "v1",\n    "items": [\n        {\n            "kind": "Pod"\n        }\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
  );
});
