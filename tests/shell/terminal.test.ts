import { createTerminalSession } from '@/lib/shell/terminal';
import { createScreen, makeShell } from './support';

/** A session on a non-TTY shell (prompt `$ `) drawn onto a test screen. */
function session(cols = 80, options: Parameters<typeof makeShell>[0] = {}) {
  const { shell } = makeShell(options);
  const term = createTerminalSession({ shell });
  const screen = createScreen(cols);
  let raw = '';
  term.onOutput((data) => {
    raw += data;
    screen.write(data);
  });
  const lines: string[] = [];
  term.onLine((line) => lines.push(line));
  let interrupts = 0;
  term.onInterrupt(() => interrupts++);
  term.resize(cols);
  term.start();
  return { term, screen, lines, shell, raw: () => raw, interrupts: () => interrupts };
}

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';
const DOWN = '\x1b[B';

test('typed text is echoed, Enter runs it, and a fresh prompt follows', () => {
  const s = session();
  s.term.feed('echo hi\r');
  expect(s.raw()).toBe('$ echo hi\r\nhi\r\n$ ');
  expect(s.lines).toEqual(['echo hi']);
});

test('start() writes the preamble before the first prompt', () => {
  const { shell } = makeShell();
  const term = createTerminalSession({ shell });
  let raw = '';
  term.onOutput((d) => (raw += d));
  term.start('Welcome\n');
  expect(raw).toBe('Welcome\r\n$ ');
});

test.each([
  ['arrows move within the line', `echo wrld${LEFT.repeat(3)}o\r`, 'echo world'],
  ['Home and End in their xterm encodings', `cho x\x1b[He\x1b[Fy\x1bOHz\x1b[1~\x1b[4~!\r`, 'zecho xy!'],
  ['Ctrl-A, Ctrl-E, Ctrl-B and Ctrl-F', 'cho x\x01e\x05y\x02\x02\x06-\r', 'echo x-y'],
  ['Backspace and Delete', `echo abcd${LEFT.repeat(2)}\x7f\x1b[3~\r`, 'echo ad'],
  ['Ctrl-W deletes the word before the cursor', 'echo one two three\x17\x17\r', 'echo one '],
  ['Ctrl-U and Ctrl-Y kill and yank', 'echo one\x15\x19\x19\r', 'echo oneecho one'],
  ['Ctrl-K kills to the end', `echo one two${LEFT.repeat(4)}\x0b\r`, 'echo one'],
  ['Ctrl-D deletes forward on a non-empty line', `echo ab${LEFT}\x04\r`, 'echo a'],
  ['Alt-b, Alt-f and Ctrl-arrows move by words', `echo one two\x1bb\x1bb_${'\x1b[1;5C'}-\r`, 'echo _one- two'],
  ['an escape sequence split across chunks still works', ['echo ac\x1b', '[', 'Db\r'], 'echo abc'],
  ['other control keys and Tab are ignored', 'ec\tho\x07 ok\r', 'echo ok'],
])('%s', (_, keys, line) => {
  const s = session();
  for (const chunk of Array.isArray(keys) ? keys : [keys]) s.term.feed(chunk);
  expect(s.lines).toEqual([line]);
});

test('a paste with several lines submits each, treating CRLF as one line end', () => {
  const s = session();
  s.term.feed('echo a\r\necho b\necho c\r');
  expect(s.lines).toEqual(['echo a', 'echo b', 'echo c']);
  expect(s.screen.text()).toEqual(['$ echo a', 'a', '$ echo b', 'b', '$ echo c', 'c', '$']);
});

test('a pasted here-document shows continuation prompts and runs once complete', () => {
  const s = session();
  s.term.feed('kubectl apply -f - <<EOF\rkind: Pod\rEOF\r');
  expect(s.lines).toEqual(['kubectl apply -f - <<EOF', 'kind: Pod', 'EOF']);
  expect(s.screen.text()).toEqual(['$ kubectl apply -f - <<EOF', '> kind: Pod', '> EOF', 'kubectl apply -f -', 'kind: Pod', '$']);
});

test('Ctrl-C prints ^C, abandons the line or here-document, and reports the interrupt', () => {
  const s = session();
  s.term.feed('cat <<EOF\rhalf\rstill typ\x03echo ok\r');
  expect(s.lines).toEqual(['cat <<EOF', 'half', 'echo ok']);
  expect(s.interrupts()).toBe(1);
  expect(s.screen.text()).toEqual(['$ cat <<EOF', '> half', '> still typ^C', '$ echo ok', 'ok', '$']);
});

test('Ctrl-D on an empty line explains how to leave instead of closing; on a continuation line it does nothing', () => {
  const s = session();
  s.term.feed('\x04');
  expect(s.screen.text()).toEqual(['$', 'Use "exit" to leave the shell.', '$']);
  s.term.feed('echo "open\r\x04');
  expect(s.screen.text().at(-1)).toBe('>');
});

test('Ctrl-L clears the screen and redraws the prompt and the line', () => {
  const s = session();
  s.term.feed('echo one\recho two\x0c');
  expect(s.screen.text()).toEqual(['$ echo two']);
  expect(s.screen.cursor()).toEqual({ row: 0, col: 10 });
});

test('output without a final newline leaves the prompt after it, as bash does', () => {
  const s = session(12);
  s.term.feed('echo -n abc\rxyz1234567');
  expect(s.screen.text()).toEqual(['$ echo -n ab', 'c', 'abc$ xyz1234', '567']);
  s.term.feed(`\x01${'>'}`);
  expect(s.screen.text()).toEqual(['$ echo -n ab', 'c', 'abc$ >xyz123', '4567']);
  expect(s.screen.cursor()).toEqual({ row: 2, col: 6 });
});

describe('history', () => {
  test('Up and Down walk the history and come back to the draft', () => {
    const s = session();
    s.term.feed('echo one\recho two\recho dr');
    s.term.feed(UP);
    expect(s.screen.text().at(-1)).toBe('$ echo two');
    s.term.feed(UP + UP + UP);
    expect(s.screen.text().at(-1)).toBe('$ echo one');
    s.term.feed(DOWN + DOWN + 'aft');
    expect(s.screen.text().at(-1)).toBe('$ echo draft');
    s.term.feed('\x10\x10\x0e\r'); // Ctrl-P Ctrl-P Ctrl-N
    expect(s.lines).toEqual(['echo one', 'echo two', 'echo two']);
  });

  test('a recalled here-document is submitted line by line again', () => {
    const s = session();
    s.term.feed('cat <<EOF\rbody\rEOF\r' + UP);
    expect(s.screen.text().slice(-3)).toEqual(['$ cat <<EOF', 'body', 'EOF']);
    s.term.feed('\r');
    expect(s.lines).toEqual(['cat <<EOF', 'body', 'EOF', 'cat <<EOF', 'body', 'EOF']);
    expect(s.screen.text().slice(-2)).toEqual(['body', '$']);
  });

  test('lines starting with a space stay out of the history', () => {
    const s = session();
    s.term.feed('echo kept\r echo secret\r' + UP + '\r');
    expect(s.lines.at(-1)).toBe('echo kept');
  });
});

describe('wrapping at the terminal width', () => {
  test('a long line wraps and editing at its start redraws every row', () => {
    const s = session(20);
    s.term.feed('echo ' + 'x'.repeat(30));
    expect(s.screen.text()).toEqual(['$ echo ' + 'x'.repeat(13), 'x'.repeat(17)]);
    s.term.feed('\x01#');
    expect(s.screen.text()).toEqual(['$ #echo ' + 'x'.repeat(12), 'x'.repeat(18)]);
    expect(s.screen.cursor()).toEqual({ row: 0, col: 3 });
    s.term.feed('\x05yz'); // fills the second row exactly: the cursor goes to the start of the third
    expect(s.screen.text()).toEqual(['$ #echo ' + 'x'.repeat(12), 'x'.repeat(18) + 'yz']);
    expect(s.screen.cursor()).toEqual({ row: 2, col: 0 });
    s.term.feed('\r');
    expect(s.lines).toEqual(['#echo ' + 'x'.repeat(30) + 'yz']);
    expect(s.screen.text().slice(-1)).toEqual(['$']);
  });

  test('wide characters that do not fit wrap whole, as xterm draws them', () => {
    const s = session(9);
    s.term.feed('echo 注解中文');
    expect(s.screen.text()).toEqual(['$ echo 注', '解中文']);
    s.term.feed(LEFT.repeat(3)); // before 解, which sits at the start of the second row
    expect(s.screen.cursor()).toEqual({ row: 1, col: 0 });
    s.term.feed(LEFT);
    expect(s.screen.cursor()).toEqual({ row: 0, col: 7 });
  });

  test('resize changes where the line wraps', () => {
    const s = session(10);
    s.term.resize(40);
    s.term.resize(10);
    s.term.feed('echo 123456789');
    expect(s.screen.text()).toEqual(['$ echo 123', '456789']);
  });

  // A random walk of edits at random widths: after every keystroke the screen must show the prompt and line
  // wrapped at the width, with the cursor where the model says; Enter must submit the model's line.
  test('random edits always leave the screen showing the line and the cursor in place', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    const wideChar = (ch: string) => /[\u4e00-\u9fff]/.test(ch);
    for (let round = 0; round < 40; round++) {
      const cols = 4 + Math.floor(random() * 20);
      const s = session(cols);
      const text: string[] = [];
      let cursor = 0;
      let killed = '';
      for (let step = 0; step < 60; step++) {
        const op = pick(['insert', 'insert', 'insert', 'left', 'right', 'home', 'end', 'backspace', 'delete', 'ctrl-u', 'ctrl-k', 'ctrl-y']);
        if (op === 'insert') {
          const add = [...Array(1 + Math.floor(random() * 5))].map(() => pick(['a', 'b', ' ', '-', '中', 'é', 'x']));
          s.term.feed(add.join(''));
          text.splice(cursor, 0, ...add);
          cursor += add.length;
        } else if (op === 'left') {
          s.term.feed(LEFT);
          cursor = Math.max(0, cursor - 1);
        } else if (op === 'right') {
          s.term.feed(RIGHT);
          cursor = Math.min(text.length, cursor + 1);
        } else if (op === 'home' || op === 'end') {
          s.term.feed(op === 'home' ? '\x1b[H' : '\x1b[F');
          cursor = op === 'home' ? 0 : text.length;
        } else if (op === 'backspace') {
          s.term.feed('\x7f');
          if (cursor > 0) text.splice(--cursor, 1);
        } else if (op === 'delete') {
          s.term.feed('\x1b[3~');
          text.splice(cursor, 1);
        } else if (op === 'ctrl-u') {
          s.term.feed('\x15');
          if (cursor > 0) killed = text.splice(0, cursor).join('');
          cursor = 0;
        } else if (op === 'ctrl-k') {
          s.term.feed('\x0b');
          if (cursor < text.length) killed = text.splice(cursor).join('');
        } else {
          s.term.feed('\x19');
          text.splice(cursor, 0, ...killed);
          cursor += [...killed].length;
        }
        // Expected screen: '$ ' + text wrapped at cols, wide characters never split.
        const rows = [''];
        let row = 0;
        let col = 0;
        let at = { row: 0, col: 2 };
        ['$', ' ', ...text].forEach((ch, k) => {
          const w = wideChar(ch) ? 2 : 1;
          if (col + w > cols) {
            rows[++row] = '';
            col = 0;
          }
          rows[row] += ch;
          col += w;
          if (k + 1 === 2 + cursor) at = col === cols ? { row: row + 1, col: 0 } : { row, col };
        });
        const expected = rows.map((r) => r.trimEnd());
        while (expected.length > 1 && expected.at(-1) === '') expected.pop();
        expect(s.screen.text()).toEqual(expected);
        expect(s.screen.cursor()).toEqual(at);
      }
      s.term.feed('\r');
      expect(s.lines).toEqual([text.join('')]);
    }
  });
});
