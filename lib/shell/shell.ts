/**
 * The lesson shell: takes physical lines, asks for more while a quote or here-document is open, then expands
 * and runs the command list against the programs (kubectl, the builtins) and the virtual filesystem.
 * Output comes back as text with `\n` line ends; the terminal layer draws it.
 */
import { createBuiltins, type ShellState } from './builtins';
import { parse, type ParseResult, type Redirect, type SimpleCommand, type Word } from './parse';
import type { Program, ProgramContext, ProgramResult } from './types';
import type { VirtualFs } from './vfs';

export interface ShellOptions {
  fs: VirtualFs;
  /** Programs besides the builtins, by command name (e.g. kubectl); they win over a builtin of the same name. */
  programs?: ReadonlyMap<string, Program>;
  waitUntil: ProgramContext['waitUntil'];
  /** Extra or overriding variables; HOME, USER and PWD are set from `fs` and `learner`. */
  env?: Record<string, string>;
  /** Whether output goes to a terminal: colours, the coloured prompt, `clear`. False for the headless runner. */
  isTTY?: boolean;
  /** History to restore (oldest first). */
  history?: string[];
}

export interface SubmitResult {
  output: string;
  needMore: boolean;
  /** The prompt to show next: `> ` while more input is needed. */
  prompt: string;
}

export interface Shell {
  /** Feeds one physical line (a line containing `\n` counts as several). Never throws. */
  submit(line: string): SubmitResult;
  /** The input ends (end of a script): runs or reports what is pending as bash does at end of file; returns the output. */
  end(): string;
  /** Ctrl-C: abandons a pending here-document or open quote; `$?` becomes 130. */
  interrupt(): void;
  /** The prompt for the next line. */
  prompt(): string;
  /** Commands entered so far, oldest first (a multi-line command is one entry with `\n` inside). Read-only view. */
  history(): readonly string[];
  /** Names of the commands it runs (builtins and programs), sorted; for tab completion. Read-only. */
  commands(): string[];
}

type Sink = { kind: 'stdout' } | { kind: 'stderr' } | { kind: 'file'; path: string } | { kind: 'null' };

const CONTINUATION_PROMPT = '> ';

/** Creates a shell over `fs`; mutates `fs` (redirections, cd, rm, ...) as commands run. */
export function createShell(options: ShellOptions): Shell {
  const { fs, waitUntil } = options;
  const isTTY = options.isTTY ?? false;
  const env: Record<string, string> = { HOME: fs.home, USER: 'learner', PWD: fs.cwd, ...options.env };
  const state: ShellState = { env, history: [...(options.history ?? [])], programs: () => programs };
  const programs = new Map<string, Program>([...createBuiltins(state).map((p) => [p.name, p] as const), ...(options.programs ?? [])]);

  let status = 0;
  let lineNo = 0;
  let pending: string[] = [];
  let pendingFirstLine = 1;
  let stillOpen: ((line: string) => boolean) | undefined;

  const lookup = (name: string): string =>
    name === '?' ? String(status) : name === '0' ? 'bash' : /^\d/.test(name) ? '' : (env[name] ?? '');

  /** Expands a word into fields: parameters and `~`, then splitting of unquoted expansions. No globbing. */
  function expandWord(word: Word): string[] {
    const fields: string[] = [];
    let current = '';
    let started = false; // a quoted empty string still makes a field
    for (const part of word.parts) {
      if (part.kind === 'tilde') {
        current += env.HOME ?? '';
        started = true;
      } else if (part.kind === 'text' || part.quoted) {
        current += part.kind === 'text' ? part.text : lookup(part.name);
        started ||= part.kind === 'text' ? part.quoted || part.text !== '' : true;
      } else {
        const pieces = lookup(part.name).split(/[ \t\n]+/);
        current += pieces[0];
        started ||= pieces[0] !== '';
        for (const piece of pieces.slice(1)) {
          if (started) fields.push(current);
          current = piece;
          started = piece !== '';
        }
      }
    }
    if (started) fields.push(current);
    return fields;
  }

  const expandString = (word: Word): string =>
    word.parts.map((p) => (p.kind === 'tilde' ? (env.HOME ?? '') : p.kind === 'text' ? p.text : lookup(p.name))).join('');

  /** Runs one command of a pipeline; writes terminal output through `emit`, returns what it pipes on and its status. */
  function runCommand(command: SimpleCommand, stdin: string, last: boolean, emit: (s: string) => void): { piped: string; status: number } {
    let piped = '';
    const fds = new Map<number, Sink>([[1, { kind: 'stdout' }], [2, { kind: 'stderr' }]]);
    let input = stdin;
    const write = (sink: Sink | undefined, data: string) => {
      if (!data || !sink) return;
      if (sink.kind === 'stdout') {
        if (last) emit(data);
        else piped += data;
      } else if (sink.kind === 'stderr') emit(data);
      else if (sink.kind === 'file') {
        try {
          fs.writeFile(sink.path, data, true);
        } catch {
          // The file was opened when the redirection was set up; losing it since is not worth a message.
        }
      }
    };
    const failWith = (message: string) => {
      write(fds.get(2), `bash: ${message}\n`);
      return { piped, status: 1 };
    };

    const words = [...command.words];
    const assignments: [string, string][] = [];
    while (words.length > 0) {
      const [first, ...rest] = words[0].parts;
      if (first?.kind !== 'text' || first.quoted) break;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text);
      if (!m) break;
      const value = { kind: 'text' as const, text: first.text.slice(m[0].length), quoted: false };
      assignments.push([m[1], expandString({ parts: [value, ...rest], raw: words[0].raw })]);
      words.shift();
    }
    const argv = words.flatMap(expandWord);

    for (const r of command.redirects) {
      const error = redirect(r, fds, (text) => (input = text));
      if (error) return failWith(error);
    }
    if (argv.length === 0) {
      // `NAME=value` alone sets a shell variable. Before a command it would only be in that command's
      // environment, and no program here reads its environment, so it is dropped.
      for (const [name, value] of assignments) env[name] = value;
      return { piped, status: 0 };
    }
    const program = programs.get(argv[0]);
    if (!program) return { ...failWith(`${argv[0]}: command not found`), status: 127 };
    let result: ProgramResult;
    try {
      result = program.run({ argv: argv.slice(1), stdin: input, fs, isTTY: isTTY && last && fds.get(1)?.kind === 'stdout', waitUntil });
    } catch (e) {
      result = { stdout: '', stderr: `bash: ${argv[0]}: internal error: ${e instanceof Error ? e.message : String(e)}\n`, exitCode: 1 };
    }
    write(fds.get(2), result.stderr);
    write(fds.get(1), result.stdout);
    return { piped, status: result.exitCode };
  }

  /** Applies one redirection to `fds` (or the input); returns bash's error message when it fails. */
  function redirect(r: Redirect, fds: Map<number, Sink>, setInput: (text: string) => void): string | undefined {
    if (r.kind === 'heredoc') {
      if (r.fd === 0) setInput(expandString(r.body));
      return;
    }
    if (r.kind === 'dup') {
      if (r.from === -1) fds.set(r.fd, { kind: 'null' });
      else if (fds.has(r.from)) fds.set(r.fd, fds.get(r.from)!);
      else return `${r.from}: Bad file descriptor`;
      return;
    }
    const fields = expandWord(r.target);
    if (fields.length !== 1) return `${r.target.raw}: ambiguous redirect`;
    const [path] = fields;
    if (r.op === '<') {
      if (path === '/dev/null') setInput('');
      else if (fs.isDir(path)) return `${path}: Is a directory`;
      else if (fs.readFile(path) === undefined) return `${path}: No such file or directory`;
      else if (r.fd === 0) setInput(fs.readFile(path)!);
      return;
    }
    if (path === '/dev/null') {
      fds.set(r.fd, { kind: 'null' });
      return;
    }
    try {
      fs.writeFile(path, '', r.op === '>>'); // `>` truncates now, before the command runs, as in bash
    } catch (e) {
      return `${path}: ${(e as Error).message}`;
    }
    fds.set(r.fd, { kind: 'file', path: fs.resolve(path) });
  }

  function execute(result: Extract<ParseResult, { status: 'complete' }>): string {
    let output = result.warnings.map((w) => `bash: ${w}\n`).join('');
    const emit = (s: string) => (output += s);
    for (const { connector, pipeline } of result.list) {
      if ((connector === '&&' && status !== 0) || (connector === '||' && status === 0)) continue;
      // Every stage expands `$?` as it was before the pipeline; the pipeline's status is its last stage's.
      let stdin = '';
      let last = 0;
      pipeline.commands.forEach((command, k) => {
        const r = runCommand(command, stdin, k === pipeline.commands.length - 1, emit);
        stdin = r.piped;
        last = r.status;
      });
      status = last;
    }
    return output;
  }

  function remember(text: string): void {
    // HISTCONTROL=ignoreboth: skip lines starting with a space and repeats of the previous entry.
    if (text.trim() === '' || text.startsWith(' ') || state.history.at(-1) === text) return;
    state.history.push(text);
  }

  function finish(result: ParseResult): SubmitResult {
    if (result.status === 'incomplete') {
      stillOpen = result.stillOpen;
      return { output: '', needMore: true, prompt: CONTINUATION_PROMPT };
    }
    remember(pending.join('\n'));
    pending = [];
    stillOpen = undefined;
    let output: string;
    if (result.status === 'error') {
      status = 2;
      output = `bash: ${result.message}\n`;
    } else output = execute(result);
    return { output, needMore: false, prompt: shell.prompt() };
  }

  const source = () => pending.join('\n') + '\n';

  const shell: Shell = {
    submit(line) {
      if (line.includes('\n')) {
        let output = '';
        let last: SubmitResult | undefined;
        for (const part of line.split('\n')) {
          last = shell.submit(part);
          output += last.output;
        }
        return { ...last!, output };
      }
      lineNo++;
      if (pending.length === 0) pendingFirstLine = lineNo;
      pending.push(line);
      if (stillOpen?.(line)) return { output: '', needMore: true, prompt: CONTINUATION_PROMPT };
      return finish(parse(source(), { firstLine: pendingFirstLine }));
    },
    end() {
      if (pending.length === 0) return '';
      return finish(parse(source(), { firstLine: pendingFirstLine, eof: true })).output;
    },
    commands: () => [...programs.keys()].sort(),
    interrupt() {
      pending = [];
      stillOpen = undefined;
      status = 130;
    },
    prompt() {
      if (pending.length > 0) return CONTINUATION_PROMPT;
      if (!isTTY) return '$ ';
      const cwd = fs.cwd;
      const dir = cwd === fs.home ? '~' : cwd.startsWith(fs.home + '/') ? '~' + cwd.slice(fs.home.length) : cwd;
      return `\x1b[1;32m${env.USER}@podlab\x1b[0m:\x1b[1;34m${dir}\x1b[0m$ `;
    },
    history: () => state.history,
  };
  return shell;
}
