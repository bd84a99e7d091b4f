import { parse } from '@/lib/shell/parse';
import { makeShell } from './support';

// Each expectation was produced by /bin/bash 5.2 with HOME=/home/learner USER=learner PWD=/home/learner,
// running the same text with `args` printing its arguments.
const quoting: [string, string[]][] = [
  ['args created-by="cluster admin"', ['created-by=cluster admin']],
  [`args 'single $HOME "x"'`, ['single $HOME "x"']],
  [`args "double $HOME 'x'"`, ["double /home/learner 'x'"]],
  [String.raw`args "a\"b" "c\\d" "e\$f" "i\j" "k\'l"`, ['a"b', 'c\\d', 'e$f', 'i\\j', "k\\'l"]],
  [String.raw`args a\ b \\ \' \" \$HOME x\yz`, ['a b', '\\', "'", '"', '$HOME', 'xyz']],
  [`args 'a'"b"c`, ['abc']],
  [`args "" '' x`, ['', '', 'x']],
  ['args $NOPE x "$NOPE" y', ['x', '', 'y']],
  ['args ${HOME}x $HOMEx', ['/home/learnerx']],
  [`args ~ ~/x "~" '~/x' a~ x~/y`, ['/home/learner', '/home/learner/x', '~', '~/x', 'a~', 'x~/y']],
  ['args KUBECONFIG=~/k a=b:~/c --file=~/x 1a=~/x', ['KUBECONFIG=/home/learner/k', 'a=b:/home/learner/c', '--file=~/x', '1a=~/x']],
  ['args $USER-$PWD', ['learner-/home/learner']],
  ['args a#b #comment', ['a#b']],
  ['args x;#c', ['x']],
  [`args "$" $ a$ '$' "$1" $1 $0`, ['$', '$', 'a$', '$', '', 'bash']],
  [String.raw`args 'it'\''s'`, ["it's"]],
  [`args "it's" 'say "hi"'`, ["it's", 'say "hi"']],
  ['args a"b c"d', ['ab cd']],
  ['args -- "-n"', ['--', '-n']],
  [String.raw`args \#notcomment`, ['#notcomment']],
  ['args ${HOME}/"$USER"', ['/home/learner/learner']],
  [String.raw`args "\\$HOME" \\$HOME`, ['\\/home/learner', '\\/home/learner']],
  [String.raw`args $'a\tb' $'it\'s' $"loc"`, ['a\tb', "it's", 'loc']],
  ['args "${HOME}" "$HOME"s', ['/home/learner', '/home/learners']],
  ['args kubectl annotate pods pod-example created-by2="admin"', ['kubectl', 'annotate', 'pods', 'pod-example', 'created-by2=admin']],
  [String.raw`args "a|b" 'c;d' e\&f "g>h"`, ['a|b', 'c;d', 'e&f', 'g>h']],
  ['args a\\\nargs\ttab\tseparated   spaces', ['aargs', 'tab', 'separated', 'spaces']],
  ['args "$?" $?', ['0', '0']],
  ['args "line\ntwo" x', ['line\ntwo', 'x']],
  ["args 'multi\nline'", ['multi\nline']],
  ['args [x] *.yaml', ['[x]', '*.yaml']],
  ['args =a a= ==', ['=a', 'a=', '==']],
  [String.raw`args "'" '"' "\""`, ["'", '"', '"']],
  [`args ab"$USER"cd'$USER'ef`, ['ablearnercd$USERef']],
];

test.each(quoting)('%j splits into the words bash gives', (input, words) => {
  const { run } = makeShell();
  expect(run(input)).toBe(JSON.stringify(words) + '\n');
});

test('an unquoted expansion is split into fields; a quoted one is not', () => {
  const { run } = makeShell();
  expect(run('X=" a  b "\nargs $X "$X" x$X')).toBe(JSON.stringify(['a', 'b', ' a  b ', 'x', 'a', 'b']) + '\n');
});

describe('incomplete input asks for more lines', () => {
  test.each([
    ['echo "abc', '"'],
    ["echo 'abc", "'"],
    ['cat <<EOF', 'here-document'],
    ['echo a |', 'pipe'],
    ['echo a &&', 'and'],
    ['echo a ||', 'or'],
    ['echo a\\', 'backslash-newline'],
    ['echo ${HOME', 'brace'],
  ])('%j (%s)', (src) => {
    expect(parse(src + '\n').status).toBe('incomplete');
  });

  test('stillOpen says a here-document body line cannot complete it, the delimiter can', () => {
    const r = parse('cat <<-EOF\nbody\n');
    if (r.status !== 'incomplete') throw new Error(r.status);
    expect(r.stillOpen('more body')).toBe(true);
    expect(r.stillOpen('\t\tEOF')).toBe(false);
  });
});

// Wording checked against bash 5.2 (`bash -c`, with the `-c: line N:` prefix removed). Bash 5.2 no longer adds
// "syntax error: unexpected end of file" after an unmatched quote.
test.each([
  ['echo "abc', "unexpected EOF while looking for matching `\"'"],
  ["echo 'abc", "unexpected EOF while looking for matching `''"],
  ['echo ${HOME', "unexpected EOF while looking for matching `}'"],
  ['echo a |', 'syntax error: unexpected end of file'],
  ['echo a &&', 'syntax error: unexpected end of file'],
])('at the real end of input %j reports %j', (src, message) => {
  expect(parse(src + '\n', { eof: true })).toEqual({ status: 'error', message });
});

test.each([
  ['echo | | cat', '|'],
  ['| cat', '|'],
  ['echo a ;; b', ';;'],
  ['echo >', 'newline'],
  ['echo > |', '|'],
  ['cat <', 'newline'],
  ['echo a && && b', '&&'],
  [';', ';'],
  ['echo a ; ; b', ';'],
  ['echo a >& ', 'newline'],
  [')', ')'],
  ['echo a (', '('],
  ['echo <<', 'newline'],
  ['echo a >>> b', '>'],
  ['echo a ||| b', '|'],
  ['echo a &|b', '|'],
])('%j is a syntax error near %j', (src, token) => {
  expect(parse(src + '\n')).toEqual({ status: 'error', message: `syntax error near unexpected token \`${token}'` });
});

test('a bad substitution rejects the whole line, as bash discards the rest of the line', () => {
  expect(parse('echo ${a b}; echo next\n')).toEqual({ status: 'error', message: '${a b}: bad substitution' });
});

test('command substitution is refused with a plain message rather than run wrongly', () => {
  expect(parse('echo $(date)\n')).toMatchObject({ status: 'error', message: expect.stringContaining('not supported') });
  expect(parse('echo `date`\n')).toMatchObject({ status: 'error', message: expect.stringContaining('not supported') });
});

test('a here-document that reaches end of input warns with its line number and keeps the body', () => {
  const r = parse('echo hi\ncat <<EOF\nbody', { eof: true, firstLine: 10 });
  expect(r).toMatchObject({ status: 'complete', warnings: ["warning: here-document at line 11 delimited by end-of-file (wanted `EOF')"] });
});
