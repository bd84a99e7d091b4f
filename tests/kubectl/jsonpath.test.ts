import { JSONPath, parseJSONPath, type JsonValue } from '@/lib/kubectl/jsonpath';

// The object `kubectl label --local -f p.yaml x=y` hands to the jsonpath printer; expectations below were taken from
// a real kubectl (v1.32) printing it, and from client-go util/jsonpath/jsonpath_test.go (v1.34).
const pod: JsonValue = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { labels: { a: 'b', x: 'y' }, name: 'p' },
  spec: { containers: [{ image: 'nginx', name: 'c' }] },
};

// client-go jsonpath_test.go storeData, as JSON.
const store: JsonValue = {
  Name: 'jsonpath',
  Book: [
    { Category: 'reference', Author: 'Nigel Rees', Title: 'Sayings of the Centurey', Price: 8.95 },
    { Category: 'fiction', Author: 'Evelyn Waugh', Title: 'Sword of Honour', Price: 12.99 },
    { Category: 'fiction', Author: 'Herman Melville', Title: 'Moby Dick', Price: 8.99 },
  ],
  Bicycle: [{ Color: 'red', Price: 19.95, IsNew: true }, { Color: 'green', Price: 20.01, IsNew: false }],
  Labels: { engineer: 10, 'web/html': 15, 'k8s-app': 20 },
  Employees: { jason: 'manager', dan: 'clerk' },
};

// Go visits map keys in random order; the port visits them sorted (Color, IsNew, Price below).
const run = (template: string, data: JsonValue, allowMissingKeys = true) =>
  new JSONPath('test').parse(template).setAllowMissingKeys(allowMissingKeys).execute(data);

describe('jsonpath templates print as kubectl -o jsonpath does', () => {
  test.each<[string, JsonValue, string]>([
    ['{.spec.containers[*].name}', pod, 'c'],
    ['{.metadata.labels}', pod, '{"a":"b","x":"y"}'],
    ['{.metadata.labels.*}', pod, 'b y'],
    ['{.spec.containers[?(@.name)].image}', pod, 'nginx'],
    ['{.spec.containers[?(@.name!="c")].image}|', pod, '|'],
    ['{.x.y}|{.spec.containers[0].x[0]}', pod, '|'],
    ['{range .spec.containers[*]}[{.name}]{end}', pod, '[c]'],
    ['{.spec.containers[?(@.name<"d")].name}', pod, 'c'],
    ['{.kind.*}', pod, '80 111 100'],
    ["{.metadata['name']}", pod, 'p'],
    ['{.spec.containers[0,0].name}', pod, 'c c'],
    ['{$.kind}{@.kind}', pod, 'PodPod'],
    ['{.kind}{"\\x41\\u00e9"}', pod, 'PodAé'],
    ['{1.5}{true}{-2}', pod, '1.5true-2'],
    ['{..}', pod, '{"apiVersion":"v1","kind":"Pod","metadata":{"labels":{"a":"b","x":"y"},"name":"p"},"spec":{"containers":[{"image":"nginx","name":"c"}]}} v1 Pod {"labels":{"a":"b","x":"y"},"name":"p"} {"a":"b","x":"y"} b y p {"containers":[{"image":"nginx","name":"c"}]} [{"image":"nginx","name":"c"}] {"image":"nginx","name":"c"} nginx c'],
    // jsonpath_test.go TestJSONInput / TestStructInput cases
    ['hello jsonpath', store, 'hello jsonpath'],
    ['{.Name}', store, 'jsonpath'],
    ['{.Book[*].Author}', store, 'Nigel Rees Evelyn Waugh Herman Melville'],
    ['{.Book[1:].Title}', store, 'Sword of Honour Moby Dick'],
    ['{.Book[-1:].Title}', store, 'Moby Dick'],
    ['{.Book[0:3:2].Title}', store, 'Sayings of the Centurey Moby Dick'],
    ['{.Book[-1].Title}', store, 'Moby Dick'],
    ['{.Book[0:0].Title}', store, ''],
    ['{.Book[?(@.Price<10.0)].Title}', store, 'Sayings of the Centurey Moby Dick'],
    ['{.Book[?(@.Author=="Evelyn Waugh")].Price}', store, '12.99'],
    ["{.Book[?(@.Category=='fiction')].Author}", store, 'Evelyn Waugh Herman Melville'],
    ['{.Bicycle[?(@.IsNew==true)].Color}', store, 'red'],
    ['{.Labels.web/html}', store, '15'],
    ['{.Labels.k8s-app}', store, '20'],
    ['{.Employees.*}', store, 'clerk manager'],
    ['{range .Book[*]}{.Author}{"\\n"}{end}', store, 'Nigel Rees\nEvelyn Waugh\nHerman Melville\n'],
    ['{range .Bicycle[*]}{range .*}{@} {end}{"|"}{end}', store, 'red true 19.95 |green false 20.01 |'],
    ['{range .nothing[*]}{.x}{end}after', store, 'after'],
  ])('%s', (template, data, want) => {
    expect(run(template, data)).toBe(want);
  });

  test('-o jsonpath-as-json prints each result list as an indented JSON array', () => {
    const j = new JSONPath('out').parse('{.metadata.labels}{.kind}').setAllowMissingKeys(true).enableJSONOutput(true);
    expect(j.execute(pod)).toBe('[\n    {\n        "a": "b",\n        "x": "y"\n    }\n]\n[\n    "Pod"\n]\n');
  });
});

describe('jsonpath parse errors read as client-go parser.go writes them', () => {
  test.each<[string, string]>([
    ['{.x', 'unclosed action'],
    ['{.items[?(@.a=="b"}', 'unterminated filter'],
    ['{.a[}', 'unterminated array'],
    ['{"a}', 'unterminated quoted string'],
    ['{.x[a]}', 'invalid array index a'],
    ['{.spec.containers[0]["name"]}', 'invalid array index "name"'],
    ['{....}', 'invalid multiple recursive descent'],
    ['{%}', "unrecognized character in action: U+0025 '%'"],
    ['{.metadata.labels.a,b}', "unrecognized character in action: U+002C ','"],
  ])('%s: %s', (template, message) => {
    expect(() => parseJSONPath(template)).toThrow(new Error(message));
  });
});

describe('jsonpath execution errors read as client-go jsonpath.go writes them', () => {
  test.each<[string, string]>([
    ['{.a}{end}', 'not in range, nothing to end'],
    ['{.spec.containers[5]}', 'array index out of bounds: index 5, length 1'],
    ['{.spec.containers[0:5]}', 'array index out of bounds: index 4, length 1'],
    ['{.spec.containers[1:0]}', 'array index out of bounds: index 1, length 1'],
    ['{.spec.containers[0:1:0]}', 'step must be > 0'],
    ['{foo}', 'unrecognized identifier foo'],
    ['{.metadata.labels.a[0]}', 'string is not array or slice'],
    ['{.spec.containers[?(@.name==1)].image}', 'incompatible types for comparison'],
    ['{.metadata.name[?(@.x)]}', 'p is not array or slice and cannot be filtered'],
  ])('%s: %s', (template, message) => {
    expect(() => run(template, pod)).toThrow(new Error(message));
  });

  test('a missing key is an error unless missing keys are allowed', () => {
    expect(() => run('{.nope}', pod, false)).toThrow(new Error('nope is not found'));
    expect(run('{.nope}', pod, true)).toBe('');
  });
});
