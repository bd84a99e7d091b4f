import { lastAppliedFor, threeWayMerge } from '@/lib/kubectl/commands/apply';
import { goJsonMarshal } from '@/lib/kubectl/printers/json';

describe('kubectl apply bookkeeping', () => {
  test('last-applied-configuration is json.Marshal of the config: sorted keys, HTML escaped, newline-terminated', () => {
    const text = lastAppliedFor({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'p', namespace: 'default', annotations: { note: 'a<b & c>d', 'kubectl.kubernetes.io/last-applied-configuration': 'old' } },
    });
    expect(text).toBe('{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{"note":"a\\u003cb \\u0026 c\\u003ed"},"name":"p","namespace":"default"}}\n');
  });

  test('goJsonMarshal is compact and orders keys bytewise', () => {
    expect(goJsonMarshal({ b: [1, { z: true, a: null }], A: '' })).toBe('{"A":"","b":[1,{"a":null,"z":true}]}');
  });

  test('a three-way merge drops what was removed since the last apply and keeps what the server added', () => {
    const live = { metadata: { labels: { a: '1', b: '2' } }, spec: { containers: [{ name: 'c', image: 'x', imagePullPolicy: 'IfNotPresent' }] } };
    const last = { metadata: { labels: { a: '1', b: '2' } }, spec: { containers: [{ name: 'c', image: 'x' }] } };
    const config = { metadata: { labels: { a: '1' } }, spec: { containers: [{ name: 'c', image: 'y' }] } };
    expect(threeWayMerge(live, config, last)).toEqual({ metadata: { labels: { a: '1' } }, spec: { containers: [{ name: 'c', image: 'y', imagePullPolicy: 'IfNotPresent' }] } });
  });
});
