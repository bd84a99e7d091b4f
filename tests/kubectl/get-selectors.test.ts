import { matchesSelector, parseSelector } from '@/lib/kubectl/targets';

// Re-expressed from k8s.io/apimachinery/pkg/labels/selector_test.go (v1.34) TestSelectorParse, TestSelectorMatches,
// TestSetSelectorParser and the lexer tests.
describe('label selectors parse as apimachinery labels.Parse does', () => {
  test.each([
    'x=a,y=b,z=c', '', 'x!=a,y=b', 'x=', 'x= ', 'x=,z= ', 'x= ,z= ', '!x', 'x>1', 'x>1,z<5',
    'x in (a)', 'x in (a,b,c)', 'x notin (a)', 'x in (,)', 'x in ()', 'x', 'x,y', 'x,!y', 'x,y in (a)', 'this-is-a-dns.domain.com/key-with-dash',
  ])('%j is a valid selector', (s) => {
    expect(() => parseSelector(s)).not.toThrow();
  });

  test.each<[string, string]>([
    ['x=a||y=b', 'unable to parse requirement: <nil>: Invalid value: "a||y": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')'],
    ['x==a==b', "found '==', expected: ',' or 'end of string'"],
    ['!x=a', "found '=', expected: ',' or 'end of string'"],
    ['x<a', "unable to parse requirement: <nil>: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer"],
    ['a in (b', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['a notin', "unable to parse requirement: found '' expected: '('"],
    ['a,', "found '', expected: identifier after ','"],
    [',a', "found ',', expected: !, identifier, or 'end of string'"],
  ])('%j fails: %s', (s, message) => {
    expect(() => parseSelector(s)).toThrow(new Error(message));
  });

  test('requirements are sorted by key and values deduplicated and sorted', () => {
    expect(parseSelector('z in (b,a,b),a')).toEqual([
      { key: 'a', operator: 'exists', values: [] },
      { key: 'z', operator: 'in', values: ['a', 'b'] },
    ]);
  });
});

describe('label selectors match as labels.Requirement.Matches does', () => {
  const labels = { x: 'y', z: 'w', n: '3' };
  test.each<[string, boolean]>([
    ['', true], ['x=y', true], ['x==y', true], ['x=z', false], ['x!=z', true], ['x!=y', false], ['a!=b', true],
    ['x', true], ['a', false], ['!a', true], ['!x', false], ['x in (y,q)', true], ['x in (q)', false],
    ['x notin (q)', true], ['x notin (y)', false], ['a notin (b)', true], ['a in (b)', false],
    ['n>2', true], ['n<2', false], ['x>1', false], ['x=y,z=w', true], ['x=y,z=v', false], ['a in (b', false],
  ])('%j matches x=y,z=w,n=3: %s', (s, want) => {
    expect(matchesSelector(labels, s)).toBe(want);
  });
});
