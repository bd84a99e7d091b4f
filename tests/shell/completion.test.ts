import { createTerminalSession, type LineCompletion } from '@/lib/shell/terminal';
import { createLab } from '@/lib/lab';
import { createScreen, makeShell } from './support';

/** A session whose completer offers the words of `table` that start with the word before the cursor. */
function session(table: string[], cols = 40) {
  const { shell } = makeShell();
  const calls: Array<[string, number]> = [];
  const complete = (line: string, cursor: number): LineCompletion => {
    calls.push([line, cursor]);
    const start = line.slice(0, cursor).search(/\S*$/);
    const word = line.slice(start, cursor);
    return { start, candidates: table.filter((t) => t.startsWith(word)), files: table.some((t) => t.includes('/')) };
  };
  const term = createTerminalSession({ shell, complete });
  const screen = createScreen(cols);
  let raw = '';
  term.onOutput((d) => { raw += d; screen.write(d); });
  const lines: string[] = [];
  term.onLine((l) => lines.push(l));
  term.resize(cols);
  term.start();
  return { term, screen, lines, calls, raw: () => raw };
}

test('one candidate completes the word and adds a space', () => {
  const s = session(['kubectl', 'cat']);
  s.term.feed('ku\t');
  expect(s.raw()).toBe('$ ku' + 'bectl ');
  expect(s.calls).toEqual([['ku', 2]]);
  s.term.feed('x\r');
  expect(s.lines).toEqual(['kubectl x']);
});

test('a directory or a value still to be typed gets no space after it', () => {
  const s = session(['manifests/', 'jsonpath=']);
  s.term.feed('cat ma\t');
  expect(s.screen.text()).toEqual(['$ cat manifests/']);
  s.term.feed(' js\t');
  expect(s.screen.text()).toEqual(['$ cat manifests/ jsonpath=']);
});

test('several candidates complete their common prefix, and a second Tab lists them under the line', () => {
  const s = session(['web-1', 'web-2', 'db-0']);
  s.term.feed('get w\t');
  expect(s.screen.text()).toEqual(['$ get web-']);
  s.term.feed('\t');
  expect(s.screen.text()).toEqual(['$ get web-', 'web-1  web-2', '$ get web-']);
  expect(s.screen.cursor()).toEqual({ row: 2, col: 10 });
  s.term.feed('2\r');
  expect(s.lines).toEqual(['get web-2']);
});

test('with no progress the first Tab rings the bell and the second lists; other keys in between reset it', () => {
  const s = session(['aa', 'ab']);
  s.term.feed('x a\t');
  expect(s.raw().endsWith('\x07')).toBe(true);
  s.term.feed('\x1b[D\x1b[C\t');
  expect(s.screen.text()).toEqual(['$ x a']);
  s.term.feed('\t');
  expect(s.screen.text()).toEqual(['$ x a', 'aa  ab', '$ x a']);
});

test('no candidate rings the bell and leaves the line alone', () => {
  const s = session(['zzz']);
  s.term.feed('echo a\t\t');
  expect(s.raw()).toBe('$ echo a\x07\x07');
});

test('the listing is laid out in columns down then across, and shows only the last path component', () => {
  const names = Array.from({ length: 7 }, (_, i) => `d/file-${i}.yaml`);
  const s = session(names, 40);
  s.term.feed('cat d/\t\t');
  expect(s.screen.text()).toEqual(['$ cat d/file-', 'file-0.yaml  file-3.yaml  file-6.yaml', 'file-1.yaml  file-4.yaml', 'file-2.yaml  file-5.yaml', '$ cat d/file-']);
});

test('completing in the middle of the line replaces the word before the cursor and keeps the rest', () => {
  const s = session(['kubectl']);
  s.term.feed(`kub get${'\x1b[D'.repeat(4)}\t`);
  expect(s.screen.text()).toEqual(['$ kubectl  get']);
  expect(s.screen.cursor()).toEqual({ row: 0, col: 10 });
});

test('a long line that wraps is redrawn correctly after the listing', () => {
  const s = session(['alpha-one', 'alpha-two'], 20);
  s.term.feed('echo 0123456789 alp\t\t');
  // 2 × 11 columns do not fit in 20: one per row, as readline lays them out.
  expect(s.screen.text()).toEqual(['$ echo 0123456789 al', 'pha-', 'alpha-one', 'alpha-two', '$ echo 0123456789 al', 'pha-']);
  expect(s.screen.cursor()).toEqual({ row: 5, col: 4 });
});

test('without a completer Tab is ignored, and a throwing completer only rings the bell', () => {
  const { shell } = makeShell();
  const term = createTerminalSession({ shell, complete: () => { throw new Error('x'); } });
  let raw = '';
  term.onOutput((d) => (raw += d));
  term.start();
  term.feed('ec\t');
  expect(raw).toBe('$ ec\x07');
});

test('in a lab, Tab completes kubectl words from the live cluster', () => {
  const lab = createLab({ isTTY: false });
  const screen = createScreen(80);
  lab.terminal.onOutput((d) => screen.write(d));
  lab.terminal.resize(80);
  lab.terminal.start();
  lab.terminal.feed('kubec\tg\tpo\t-n kube-s\tetc\t');
  expect(screen.text()).toEqual(['$ kubectl get pods -n kube-system etcd-controlplane']);
  lab.terminal.feed('-o\tya\t\r');
  expect(screen.text().slice(0, 3)).toEqual(['$ kubectl get pods -n kube-system etcd-controlplane -o yaml', 'apiVersion: v1', 'kind: Pod']);
});
