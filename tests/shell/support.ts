/** Helpers for the shell tests: a shell with fake programs, and a tiny terminal screen to check what the editor draws. */
import { createShell, type ShellOptions } from '@/lib/shell/shell';
import { ok, type Program } from '@/lib/shell/types';
import { createVirtualFs } from '@/lib/shell/vfs';

const fake = (name: string, run: Program['run']): [string, Program] => [name, { name, summary: `fake ${name}`, run }];

/** A shell over a fresh filesystem with `args` (prints argv as JSON), a fake `kubectl` and a throwing `boom`. */
export function makeShell(options: Partial<ShellOptions> = {}) {
  const fs = options.fs ?? createVirtualFs();
  const waits: number[] = [];
  const programs = new Map([
    fake('args', ({ argv }) => ok(JSON.stringify(argv) + '\n')),
    fake('kubectl', ({ argv, stdin }) => ok(`kubectl ${argv.join(' ')}\n${stdin}`)),
    fake('pods', () => ok('NAME          READY   STATUS    RESTARTS   AGE\npod-example   1/1     Running   0          5s\nweb-1         0/1     Pending   0          2s\n')),
    fake('boom', () => {
      throw new Error('kaboom');
    }),
    ...(options.programs ?? []),
  ]);
  let now = 0;
  const shell = createShell({
    fs,
    now: () => now,
    waitUntil: (done, ms) => {
      waits.push(ms);
      now += ms;
      return done();
    },
    ...options,
    programs,
  });
  /** Submits each line of `text` and returns everything the shell printed. */
  const run = (text: string) => text.split('\n').map((line) => shell.submit(line).output).join('');
  return { fs, shell, waits, run };
}

/**
 * A minimal VT100 screen with xterm's deferred autowrap: enough to replay what the line editor writes
 * (printable text, CR, LF, cursor up/down/right, erase below, clear) and read back rows and the cursor.
 */
export function createScreen(cols: number) {
  let rows: string[][] = [[]];
  let row = 0;
  let col = 0; // == cols while a wrap is pending
  const wide = (ch: string) => /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(ch);
  const line = () => (rows[row] ??= []);

  function write(data: string): void {
    const re = /\x1b\[([0-9;?]*)([A-Za-z])|([\s\S])/gu;
    for (let m = re.exec(data); m; m = re.exec(data)) {
      const [, params, final, ch] = m;
      const n = Number(params || 1);
      if (final === 'm') continue; // colours do not move the cursor or cancel a pending wrap
      if (final) {
        col = Math.min(col, cols - 1);
        if (final === 'A') row = Math.max(0, row - n);
        else if (final === 'B') row += n;
        else if (final === 'C') col = Math.min(cols - 1, col + n);
        else if (final === 'H') row = col = 0;
        else if (final === 'J' && params === '2') rows = [[]];
        else if (final === 'J' && !params) {
          line().length = Math.min(line().length, col);
          rows.length = row + 1;
        }
      } else if (ch === '\r') col = 0;
      else if (ch === '\n') row++;
      else if (ch === '\b') col = Math.max(0, Math.min(col, cols - 1) - 1);
      else if (ch >= ' ') {
        const w = wide(ch) ? 2 : 1;
        if (col + w > cols) {
          row++;
          col = 0;
        }
        const cells = line();
        while (cells.length < col) cells.push(' ');
        cells[col] = ch;
        if (w === 2) cells[col + 1] = '';
        col += w;
      }
    }
  }
  return {
    write,
    /** The screen's rows as text, trailing blanks trimmed, trailing empty rows dropped. */
    text: () => {
      const out = Array.from(rows, (cells) => (cells ?? []).join('').trimEnd());
      while (out.length > 1 && out.at(-1) === '') out.pop();
      return out;
    },
    cursor: () => ({ row, col }),
  };
}
