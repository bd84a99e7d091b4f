/**
 * The interactive side of the lesson terminal: a readline-like line editor over raw xterm keystrokes.
 * It echoes and redraws the line (wrapping at `cols`), keeps history navigation, and hands each finished
 * physical line to the shell; Tab asks an optional completer, as bash's readline does. It only produces ANSI text
 * for `onOutput`; the xterm widget lives in the app.
 */
import type { TerminalIO } from '../lab-types';
import type { Shell, SubmitResult } from './shell';

/** What Tab may put in place of the word that ends at the cursor (see lib/kubectl/complete.ts `Completion`). */
export interface LineCompletion {
  /** Index in the line (UTF-16 units) where the word being completed begins. */
  start: number;
  /** Full replacement words; one ending in `/` or `=` gets no space after it. */
  candidates: string[];
  /** The candidates are paths: a listing shows their last component only. */
  files?: boolean;
}

export interface TerminalSessionOptions {
  shell: Shell;
  /** How a line reaches the shell; defaults to `shell.submit` (a lab wraps it to settle its cluster). */
  submit?: (line: string) => SubmitResult;
  /** Tab completion for the line and cursor (UTF-16 index); without it Tab is ignored. */
  complete?: (line: string, cursor: number) => LineCompletion;
}

export interface TerminalSession extends TerminalIO {
  /** Writes `preamble` (e.g. a replayed transcript or a banner) and the first prompt. */
  start(preamble?: string): void;
  /** Called with every physical line handed to the shell, before it runs: journal these to replay. */
  onLine(listener: (line: string) => void): () => void;
  /**
   * Called on Ctrl-C, after `shell.interrupt()`. Replays must interrupt at the same point, or the lines of an
   * abandoned here-document would be read as its body.
   */
  onInterrupt(listener: () => void): () => void;
  /**
   * What a running command wrote while time moved (from `shell.poll()`); once it is no longer `running`, the prompt
   * comes back and what was typed meanwhile is read. Call it on every step of time while a command runs, even with
   * no output, so its status line (sleep's countdown) stays current.
   */
  showJobOutput(output: string, running: boolean): void;
}

interface Position { row: number; col: number }

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;
// A complete escape sequence (CSI, SS3, or Meta+key), and a prefix of one that the next chunk will finish.
const ESCAPE = /\x1b(?:\[([0-9;?<=>]*)[ -/]*([@-~])|O([\s\S])|([\s\S]))/y;
const PARTIAL_ESCAPE = /\x1b(?:\[[0-9;?<=>]*[ -/]*|O)?$/y;

/** Columns a character takes in xterm: 2 for East Asian wide characters and common emoji. */
function charWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  const wide =
    (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) || (c >= 0x1f900 && c <= 0x1f9ff) ||
    (c >= 0x20000 && c <= 0x3fffd);
  return wide ? 2 : 1;
}

const isWordChar = (ch: string) => /[\p{L}\p{N}]/u.test(ch);
const up = (n: number) => (n > 0 ? `\x1b[${n}A` : '');
const down = (n: number) => (n > 0 ? `\x1b[${n}B` : '');
const right = (n: number) => (n > 0 ? `\x1b[${n}C` : '');

/** Creates a terminal session for `shell`. Call `start()` once the widget listens to `onOutput`. */
export function createTerminalSession(options: TerminalSessionOptions): TerminalSession {
  const { shell } = options;
  const submit = options.submit ?? ((line: string) => shell.submit(line));
  const outputListeners = new Set<(data: string) => void>();
  const lineListeners = new Set<(line: string) => void>();
  const interruptListeners = new Set<() => void>();

  let cols = 80;
  let prompt = '';
  let chars: string[] = []; // the line being edited, one code point per element
  let cursor = 0;
  let startCol = 0; // column where the prompt begins: output that does not end in a newline leaves it mid-row
  let cursorRow = 0; // row of the terminal cursor, counted from the prompt's first row
  let continuing = false; // the shell is waiting for more lines (here-document, open quote)
  let historyIndex = 0; // == history length while editing the draft
  let draft = '';
  let killed = '';
  let partialEscape = '';
  let lastWasTab = false; // readline lists the candidates on a second consecutive Tab
  let busy = false; // a command is running: keys wait as typeahead, but Ctrl-C
  let typeahead = '';
  let status = ''; // the status line shown below a running command's output
  let atLineStart = true; // a running command's output so far ends with a newline

  const write = (data: string) => {
    for (const l of outputListeners) l(data);
  };
  const subscribe = <T>(set: Set<T>, listener: T) => {
    set.add(listener);
    return () => void set.delete(listener);
  };

  /** Position before each character of the line, and after the last; `col` may equal `cols` (wrap pending). */
  function layout(): Position[] {
    let row = 0;
    let col = startCol;
    const advance = (ch: string) => {
      const w = charWidth(ch);
      if (col + w > cols) {
        row++;
        col = 0;
      }
      col += w;
    };
    for (const ch of prompt.replace(ANSI, '')) advance(ch);
    const positions: Position[] = [];
    for (const ch of chars) {
      positions.push({ row, col });
      if (ch === '\n') {
        row++;
        col = 0;
      } else advance(ch);
    }
    positions.push({ row, col });
    return positions;
  }
  /** Where the terminal shows the cursor for a position (a pending wrap shows on the next row). */
  const onScreen = (p: Position): Position => (p.col >= cols ? { row: p.row + 1, col: 0 } : p);

  /** Redraws prompt and line from the prompt's start and puts the cursor back. */
  function render(): void {
    const positions = layout();
    const end = onScreen(positions[chars.length]);
    const at = onScreen(positions[cursor]);
    let s = up(cursorRow) + '\r' + right(startCol) + '\x1b[J' + prompt + chars.join('').replace(/\n/g, '\r\n');
    if (positions[chars.length].col >= cols) s += '\r\n'; // leave the pending wrap so the cursor really is there
    if (at.row !== end.row || at.col !== end.col) s += up(end.row - at.row) + '\r' + right(at.col);
    cursorRow = at.row;
    write(s);
  }

  function moveTo(index: number): void {
    const positions = layout();
    const from = onScreen(positions[cursor]);
    const to = onScreen(positions[index]);
    cursor = index;
    cursorRow = to.row;
    if (from.row !== to.row || from.col !== to.col) write(up(from.row - to.row) + down(to.row - from.row) + '\r' + right(to.col));
  }

  function insert(text: string): void {
    const added = [...text];
    if (added.length === 0) return;
    const atEnd = cursor === chars.length;
    chars.splice(cursor, 0, ...added);
    cursor += added.length;
    const positions = layout();
    const before = positions[cursor - added.length];
    const after = positions[cursor];
    // Typing at the end of a row needs no redraw: echo it.
    if (atEnd && before.row === after.row && after.col < cols) write(added.join(''));
    else render();
  }

  /** Deletes chars[from, to); a kill command (Ctrl-U/K/W, Alt-d) also keeps them for Ctrl-Y. */
  function remove(from: number, to: number, kill = false): void {
    if (from >= to) return;
    if (kill) killed = chars.slice(from, to).join('');
    chars.splice(from, to - from);
    cursor = from;
    render();
  }

  function showPrompt(output: string): void {
    const text = output.replace(/\r?\n/g, '\r\n');
    const lastRow = text.split(/[\r\n]/).at(-1)!.replace(ANSI, '');
    startCol = [...lastRow].reduce((w, ch) => w + charWidth(ch), 0) % cols;
    prompt = shell.prompt();
    chars = [];
    cursor = 0;
    cursorRow = 0;
    historyIndex = shell.history().length;
    draft = '';
    write(text + prompt + (layout()[0].col >= cols ? '\r\n' : '')); // as render() does for a pending wrap
  }

  /** Moves to the end of the line, writes `suffix` (`^C`) and starts a new row, as before running a command. */
  function finishLine(suffix: string): void {
    moveTo(chars.length);
    const onNewRow = layout()[chars.length].col >= cols; // render() already left the pending wrap
    write(suffix + (onNewRow && !suffix ? '' : '\r\n'));
  }

  function enter(): void {
    const text = chars.join('');
    finishLine('');
    let output = '';
    // A recalled multi-line history entry is submitted line by line, as it was typed.
    const lines = text.split('\n');
    for (const [k, line] of lines.entries()) {
      for (const l of lineListeners) l(line);
      const result = submit(line);
      output += result.output;
      continuing = result.needMore;
      if (result.running) {
        // The rest waits as if typed ahead while the command runs.
        busy = true;
        typeahead = lines.slice(k + 1).map((l) => l + '\r').join('') + typeahead;
        atLineStart = true;
        return showJobOutput(output, true);
      }
    }
    showPrompt(output);
  }

  const clearStatus = () => {
    if (!status) return;
    write('\r\x1b[K');
    status = '';
  };

  /** See TerminalSession.showJobOutput. */
  function showJobOutput(output: string, running: boolean): void {
    if (!busy) return;
    if (output) {
      clearStatus();
      const text = output.replace(/\r?\n/g, '\r\n');
      write(text);
      atLineStart = text.endsWith('\n');
    }
    if (running) {
      const next = atLineStart ? (shell.job()?.status() ?? '') : '';
      if (next !== status) {
        clearStatus();
        if (next) write(`\x1b[2m${next.slice(0, Math.max(0, cols - 1))}\x1b[0m`);
        status = next;
      }
      return;
    }
    clearStatus();
    busy = false;
    showPrompt(atLineStart ? '' : '\n');
    const pending = typeahead;
    typeahead = '';
    if (pending) session.feed(pending);
  }

  /** Ctrl-C while a command runs: it stops, typeahead is discarded (the tty flushes it), the prompt comes back. */
  function interruptJob(): void {
    clearStatus();
    typeahead = '';
    busy = false;
    write('^C\r\n');
    const output = shell.interrupt();
    for (const l of interruptListeners) l();
    showPrompt(output);
  }

  function historyMove(delta: number): void {
    const history = shell.history();
    historyIndex = Math.min(historyIndex, history.length);
    const target = Math.max(0, Math.min(history.length, historyIndex + delta));
    if (target === historyIndex) return;
    if (historyIndex === history.length) draft = chars.join('');
    historyIndex = target;
    chars = [...(target === history.length ? draft : history[target])];
    cursor = chars.length;
    render();
  }

  const wordLeft = () => {
    let k = cursor;
    while (k > 0 && !isWordChar(chars[k - 1])) k--;
    while (k > 0 && isWordChar(chars[k - 1])) k--;
    return k;
  };
  const wordRight = () => {
    let k = cursor;
    while (k < chars.length && !isWordChar(chars[k])) k++;
    while (k < chars.length && isWordChar(chars[k])) k++;
    return k;
  };

  /** The longest common prefix of `xs` (compared by code point). */
  function commonPrefix(xs: string[]): string {
    let p = [...xs[0]];
    for (const x of xs.slice(1)) {
      const c = [...x];
      let k = 0;
      while (k < p.length && k < c.length && p[k] === c[k]) k++;
      p = p.slice(0, k);
    }
    return p.join('');
  }

  /** Candidates in columns, sorted down then across, as readline's rl_display_match_list lays them out. */
  function columns(items: string[]): string {
    const width = Math.max(...items.map((x) => [...x].reduce((w, ch) => w + charWidth(ch), 0))) + 2;
    // readline: a listing that would exactly fill the row loses a column, so xterm does not wrap early.
    let perRow = Math.max(1, Math.floor(cols / width));
    if (perRow > 1 && perRow * width === cols) perRow--;
    const rows = Math.ceil(items.length / perRow);
    const out: string[] = [];
    for (let r = 0; r < rows; r++) {
      let row = '';
      for (let c = 0; c < perRow; c++) {
        const item = items[c * rows + r];
        if (item === undefined) continue;
        const last = (c + 1) * rows + r >= items.length;
        row += last ? item : item + ' '.repeat(width - [...item].reduce((w, ch) => w + charWidth(ch), 0));
      }
      out.push(row);
    }
    return out.join('\r\n');
  }

  /**
   * Tab, as bash's readline does it: one candidate replaces the word (plus a space, unless it is a directory or
   * ends in `=`); several complete their common prefix, and a second Tab lists them below the line and redraws
   * the prompt. Nothing to add rings the bell.
   */
  function tab(again: boolean): void {
    if (!options.complete || continuing) return;
    const line = chars.join('');
    const at = chars.slice(0, cursor).join('').length;
    let result: LineCompletion;
    try {
      result = options.complete(line, at);
    } catch {
      return write('\x07');
    }
    const { candidates } = result;
    const from = [...line.slice(0, Math.max(0, Math.min(result.start, at)))].length;
    const word = chars.slice(from, cursor).join('');
    if (candidates.length === 0) return write('\x07');
    if (candidates.length === 1) {
      const c = candidates[0];
      return replaceWord(from, c + (c.endsWith('/') || c.endsWith('=') ? '' : ' '));
    }
    const prefix = commonPrefix(candidates);
    if ([...prefix].length > [...word].length) return replaceWord(from, prefix);
    if (!again) return write('\x07');
    const shown = result.files ? candidates.map((c) => c.replace(/\/$/, '').replace(/^.*\//, '') + (c.endsWith('/') ? '/' : '')) : candidates;
    const keep = cursor;
    finishLine('');
    write(columns(shown) + '\r\n');
    startCol = 0;
    cursorRow = 0;
    cursor = keep;
    render();
  }

  /** Replaces chars[from, cursor) with `text` and redraws; typing at the end of the line only echoes the rest. */
  function replaceWord(from: number, text: string): void {
    const word = chars.slice(from, cursor).join('');
    if (cursor === chars.length && text.startsWith(word)) return insert(text.slice(word.length));
    const added = [...text];
    chars.splice(from, cursor - from, ...added);
    cursor = from + added.length;
    render();
  }

  function control(ch: string): void {
    switch (ch) {
      case '\r':
      case '\n':
        return enter();
      case '\x7f': // Backspace
      case '\b':
        return remove(Math.max(0, cursor - 1), cursor);
      case '\x01': // Ctrl-A
        return moveTo(0);
      case '\x05': // Ctrl-E
        return moveTo(chars.length);
      case '\x02': // Ctrl-B
        return moveTo(Math.max(0, cursor - 1));
      case '\x06': // Ctrl-F
        return moveTo(Math.min(chars.length, cursor + 1));
      case '\x10': // Ctrl-P
        return historyMove(-1);
      case '\x0e': // Ctrl-N
        return historyMove(1);
      case '\x15': // Ctrl-U
        return remove(0, cursor, true);
      case '\x0b': // Ctrl-K
        return remove(cursor, chars.length, true);
      case '\x17': {
        // Ctrl-W: readline unix-word-rubout, words end at whitespace
        let k = cursor;
        while (k > 0 && /\s/.test(chars[k - 1])) k--;
        while (k > 0 && !/\s/.test(chars[k - 1])) k--;
        return remove(k, cursor, true);
      }
      case '\x19': // Ctrl-Y
        return insert(killed);
      case '\x0c': // Ctrl-L
        write('\x1b[H\x1b[2J');
        startCol = 0;
        cursorRow = 0;
        return render();
      case '\x03': // Ctrl-C
        finishLine('^C');
        shell.interrupt();
        continuing = false;
        for (const l of interruptListeners) l();
        return showPrompt('');
      case '\x04': // Ctrl-D: deletes forward; on an empty line bash would exit, and this terminal stays
        if (chars.length > 0) return remove(cursor, cursor + 1);
        if (continuing) return;
        finishLine('');
        return showPrompt('Use "exit" to leave the shell.\n');
    }
  }

  function escape(params: string | undefined, final: string | undefined, ss3: string | undefined, meta: string | undefined): void {
    const key = final === '~' ? `~${params}` : (final ?? ss3 ?? '');
    const word = final !== undefined && /;[35]$/.test(params ?? ''); // Ctrl or Alt with an arrow
    if (meta !== undefined) {
      if (meta === 'b') moveTo(wordLeft());
      else if (meta === 'f') moveTo(wordRight());
      else if (meta === 'd') remove(cursor, wordRight(), true);
      else if (meta === '\x7f') remove(wordLeft(), cursor, true);
      return;
    }
    if (key === 'A') historyMove(-1);
    else if (key === 'B') historyMove(1);
    else if (key === 'C') moveTo(word ? wordRight() : Math.min(chars.length, cursor + 1));
    else if (key === 'D') moveTo(word ? wordLeft() : Math.max(0, cursor - 1));
    else if (key === 'H' || key === '~1' || key === '~7') moveTo(0);
    else if (key === 'F' || key === '~4' || key === '~8') moveTo(chars.length);
    else if (key === '~3') remove(cursor, cursor + 1);
  }

  const session: TerminalSession = {
    feed(data) {
      const s = partialEscape + data;
      partialEscape = '';
      let k = 0;
      while (k < s.length) {
        if (busy) {
          const c = s.indexOf('\x03', k);
          if (c === -1) {
            typeahead += s.slice(k);
            return;
          }
          interruptJob();
          k = c + 1;
          continue;
        }
        if (s[k] === '\x1b') {
          lastWasTab = false;
          PARTIAL_ESCAPE.lastIndex = k;
          if (PARTIAL_ESCAPE.test(s)) {
            partialEscape = s.slice(k);
            return;
          }
          ESCAPE.lastIndex = k;
          const m = ESCAPE.exec(s)!;
          escape(m[1], m[2], m[3], m[4]);
          k = ESCAPE.lastIndex;
        } else if (s[k] < ' ' || s[k] === '\x7f') {
          const again = lastWasTab;
          lastWasTab = false;
          if (s[k] === '\t') {
            tab(again);
            lastWasTab = true;
          } else control(s[k]);
          k += s[k] === '\r' && s[k + 1] === '\n' ? 2 : 1;
        } else {
          let end = k;
          while (end < s.length && s[end] >= ' ' && s[end] !== '\x7f') end++;
          lastWasTab = false;
          insert(s.slice(k, end));
          k = end;
        }
      }
    },
    onOutput: (listener) => subscribe(outputListeners, listener),
    onLine: (listener) => subscribe(lineListeners, listener),
    onInterrupt: (listener) => subscribe(interruptListeners, listener),
    start(preamble = '') {
      showPrompt(preamble);
    },
    resize(n) {
      cols = Math.max(1, Math.floor(n));
      cursorRow = onScreen(layout()[cursor]).row;
    },
    showJobOutput,
  };
  return session;
}
