/**
 * The lesson shell: takes physical lines, asks for more while a quote or here-document is open, then expands
 * and runs the command list against the programs (kubectl, the builtins) and the virtual filesystem.
 * Output comes back as text with `\n` line ends; the terminal layer draws it.
 */
import { createBuiltins, type ShellState } from './builtins';
import { parse, type ParseResult, type Pipeline, type Redirect, type SimpleCommand, type Word } from './parse';
import { isStream, type Output, type Program, type ProgramContext, type ProgramOutcome, type ProgramStream } from './types';
import type { VirtualFs } from './vfs';

export interface ShellOptions {
  fs: VirtualFs;
  /** Programs besides the builtins, by command name (e.g. kubectl); they win over a builtin of the same name. */
  programs?: ReadonlyMap<string, Program>;
  waitUntil: ProgramContext['waitUntil'];
  /** Simulated now. */
  now: () => number;
  /** Whether the cluster has nothing left to do but periodic work (headless: when a never-ending stream stops). */
  idle?: () => boolean;
  /**
   * Interactive (a terminal, or replaying one): a command that keeps running returns with `running`, and the front
   * end moves time and calls `poll`/`interrupt`. Otherwise (the headless runner, tests) `submit` lets simulated time
   * run it to its end; one that would run until Ctrl-C (`get -w`, `logs -f`) is stopped as Ctrl-C would stop it once
   * the cluster is idle, or after ten simulated minutes, and `^C` shows in the output.
   */
  interactive?: boolean;
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
  /** The prompt to show next: `> ` while more input is needed, '' while a command runs. */
  prompt: string;
  /** A command is still running (interactive shells only): `poll` after time moves, `interrupt` on Ctrl-C. */
  running: boolean;
}

/** What a front end needs to know of the running command to move time for it. */
export interface JobInfo {
  /** Simulated time by which it ends by itself (`sleep`): do not move time past it in one step. */
  until?: number;
  /** How many times faster than real time to run the clock while it runs (1 but for sleep's fast-forward). */
  pace: number;
  ended(): boolean;
  /** A transient status line (sleep's countdown). */
  status(): string | undefined;
}

export interface Shell {
  /** Feeds one physical line (a line containing `\n` counts as several). Never throws. */
  submit(line: string): SubmitResult;
  /** The input ends (end of a script): runs or reports what is pending as bash does at end of file; returns the output. */
  end(): string;
  /** After time moved: what the running command wrote, and the prompt once it has ended. Never throws. */
  poll(): SubmitResult;
  /** The running command, if any. */
  job(): JobInfo | undefined;
  /**
   * Ctrl-C: stops the running command (and the rest of its list), or abandons a pending here-document or open
   * quote; `$?` becomes 130. Returns what the command wrote on the way out.
   */
  interrupt(): string;
  /** The prompt for the next line. */
  prompt(): string;
  /** Commands entered so far, oldest first (a multi-line command is one entry with `\n` inside). Read-only view. */
  history(): readonly string[];
  /** Names of the commands it runs (builtins and programs), sorted; for tab completion. Read-only. */
  commands(): string[];
}

type Sink = { kind: 'stdout' } | { kind: 'stderr' } | { kind: 'file'; path: string } | { kind: 'null' };

const CONTINUATION_PROMPT = '> ';
/** Headless: the longest a command that runs until Ctrl-C is left running. */
const HEADLESS_STREAM_MS = 10 * 60_000;

/** Creates a shell over `fs`; mutates `fs` (redirections, cd, rm, ...) as commands run. */
export function createShell(options: ShellOptions): Shell {
  const { fs, waitUntil, now } = options;
  const idle = options.idle ?? (() => true);
  const interactive = options.interactive ?? false;
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

  /** A command of a pipeline, expanded and with its redirections applied, ready to run. */
  interface Stage {
    program?: Program;
    argv: string[];
    fds: Map<number, Sink>;
    /** Input from a here-document or `<`, which wins over the pipe. */
    input?: string;
    last: boolean;
    /** Set when it could not start (bash's message was written): its status. */
    failed?: number;
  }

  /** Writes a program's output where the stage's descriptors point; returns what goes on down the pipe. */
  function deliver(stage: Stage, out: Output, emit: (s: string) => void): string {
    let piped = '';
    const write = (sink: Sink | undefined, data: string) => {
      if (!data || !sink) return;
      if (sink.kind === 'stdout') {
        if (stage.last) emit(data);
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
    if (out.stderrLast) {
      write(stage.fds.get(1), out.stdout);
      write(stage.fds.get(2), out.stderr);
    } else {
      write(stage.fds.get(2), out.stderr);
      write(stage.fds.get(1), out.stdout);
    }
    return piped;
  }

  /** Expands a command and applies its redirections (truncating `>` files now, as bash does before running it). */
  function prepare(command: SimpleCommand, last: boolean, emit: (s: string) => void): Stage {
    const stage: Stage = { argv: [], fds: new Map<number, Sink>([[1, { kind: 'stdout' }], [2, { kind: 'stderr' }]]), last };
    const failWith = (message: string, status = 1) => {
      deliver(stage, { stdout: '', stderr: `bash: ${message}\n` }, emit);
      stage.failed = status;
      return stage;
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
    stage.argv = words.flatMap(expandWord);
    for (const r of command.redirects) {
      const error = redirect(r, stage.fds, (text) => (stage.input = text));
      if (error) return failWith(error);
    }
    if (stage.argv.length === 0) {
      // `NAME=value` alone sets a shell variable. Before a command it would only be in that command's
      // environment, and no program here reads its environment, so it is dropped.
      for (const [name, value] of assignments) env[name] = value;
      stage.failed = 0;
      return stage;
    }
    stage.program = programs.get(stage.argv[0]);
    if (!stage.program) return failWith(`${stage.argv[0]}: command not found`, 127);
    return stage;
  }

  /** Runs a prepared stage's program on `stdin`; a throw becomes a message, never an escape. */
  function invoke(stage: Stage, stdin: string): ProgramOutcome {
    const name = stage.argv[0];
    try {
      return stage.program!.run({
        argv: stage.argv.slice(1), stdin: stage.input ?? stdin, fs, now, waitUntil,
        isTTY: isTTY && stage.last && stage.fds.get(1)?.kind === 'stdout',
      });
    } catch (e) {
      return { stdout: '', stderr: `bash: ${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`, exitCode: 1 };
    }
  }

  /** Reads a stream without letting a throw escape: a broken program ends with a message. */
  function readStream(s: ProgramStream, name: string): { out: Output; code?: number } {
    try {
      const code = s.exitCode();
      const out = s.read();
      if (code === undefined) return { out };
      const tail = s.stop(); // a natural end still releases what it holds (a watch)
      return { out: { stdout: out.stdout + tail.stdout, stderr: out.stderr + tail.stderr }, code };
    } catch (e) {
      return { out: { stdout: '', stderr: `bash: ${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n` }, code: 1 };
    }
  }

  /**
   * Runs a pipeline. A stage that keeps running (a stream) pauses the generator until time has moved; stages after it
   * that can filter a live pipe (grep, head) run on the lines as they arrive, the others once it ends — or never,
   * when Ctrl-C kills the whole pipeline, as in bash. Returns the pipeline's status.
   */
  function* runPipeline(pipeline: Pipeline, emit: (s: string) => void): Generator<ProgramStream, number, void> {
    let stdin = '';
    let status = 0;
    const commands = pipeline.commands;
    const stages: Stage[] = [];
    const stageAt = (k: number) => (stages[k] ??= prepare(commands[k], k === commands.length - 1, emit));
    for (let k = 0; k < commands.length; k++) {
      const stage = stageAt(k);
      if (stage.failed !== undefined) {
        stdin = '';
        status = stage.failed;
        continue;
      }
      const outcome = invoke(stage, stdin);
      if (!isStream(outcome)) {
        stdin = deliver(stage, outcome, emit);
        status = outcome.exitCode;
        continue;
      }
      // A running stage: the rest of the pipeline reads what it writes. Its stages are set up now, as bash starts
      // every stage of a pipeline at once.
      const downstream = commands.slice(k + 1).map((_, j) => stageAt(k + 1 + j));
      const live = downstream.length > 0 && downstream.every((d) => d.failed === undefined && d.program!.incremental?.(d.argv.slice(1)));
      let piped = '';
      const shown = downstream.map(() => ({ stdout: '', stderr: '' }));
      let chainStatus = 0;
      /** Runs the live filters on everything piped so far and shows what is new; true when one closed its input. */
      const filter = (final: boolean): boolean => {
        let input = final ? piped : piped.slice(0, piped.lastIndexOf('\n') + 1);
        let closed = false;
        downstream.forEach((d, j) => {
          const r = invoke(d, input);
          const result = isStream(r) ? { stdout: '', stderr: '', exitCode: 0 } : r; // a filter does not wait
          // Only what extends what was shown is new (a filter's output for more input starts with its earlier output).
          const fresh = (key: 'stdout' | 'stderr') => {
            if (!result[key].startsWith(shown[j][key])) return '';
            const text = result[key].slice(shown[j][key].length);
            shown[j][key] = result[key];
            return text;
          };
          deliver(d, { stdout: fresh('stdout'), stderr: fresh('stderr') }, emit);
          input = result.stdout;
          chainStatus = result.exitCode;
          closed ||= result.closedInput === true;
        });
        return closed;
      };
      current = outcome;
      let code: number | undefined;
      for (;;) {
        const read = readStream(outcome, stage.argv[0]);
        code = read.code;
        piped += deliver(stage, read.out, emit);
        if (live && filter(code !== undefined)) {
          // The reader is gone: the writer dies of SIGPIPE at its next write.
          outcome.stop();
          current = undefined;
          return chainStatus;
        }
        if (code !== undefined) break;
        yield outcome;
      }
      current = undefined;
      if (live) return chainStatus;
      // It ended by itself: the stages after it read its whole output now.
      stdin = piped;
      status = code;
    }
    return status;
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

  /** The stream the foreground job is waiting on, while one is. */
  let current: ProgramStream | undefined;
  /** The rest of the command list, paused while `current` runs. */
  let job: Generator<ProgramStream, void, void> | undefined;
  let jobOutput = '';
  const emitJob = (s: string) => (jobOutput += s);

  function* execute(result: Extract<ParseResult, { status: 'complete' }>): Generator<ProgramStream, void, void> {
    emitJob(result.warnings.map((w) => `bash: ${w}\n`).join(''));
    for (const { connector, pipeline } of result.list) {
      if ((connector === '&&' && status !== 0) || (connector === '||' && status === 0)) continue;
      // Every stage expands `$?` as it was before the pipeline; the pipeline's status is its last stage's.
      status = yield* runPipeline(pipeline, emitJob);
    }
  }

  /** Runs the job until it finishes or waits on a stream; returns what it wrote meanwhile. */
  function step(): string {
    if (job && job.next().done) job = undefined;
    const out = jobOutput;
    jobOutput = '';
    return out;
  }

  /** Headless: lets time run the job to its end; one that would run until Ctrl-C is stopped once the cluster is idle. */
  function runToEnd(): string {
    let output = '';
    while (job && current) {
      const s = current;
      const ended = () => s.exitCode() !== undefined;
      if (s.until !== undefined) waitUntil(ended, Math.max(0, s.until - now()));
      else waitUntil(() => ended() || idle(), HEADLESS_STREAM_MS);
      if (!ended()) {
        output += step(); // what it wrote before the Ctrl-C
        output += interruptJob() + '^C\n';
        break;
      }
      output += step();
    }
    return output;
  }

  /** Ctrl-C while a job runs: the stream and every command after it in the list are abandoned. */
  function interruptJob(): string {
    const s = current;
    current = undefined;
    job = undefined;
    status = 130;
    let out = jobOutput;
    jobOutput = '';
    if (s) {
      try {
        const last = s.stop();
        out += last.stderr + last.stdout;
      } catch {
        // stopping cannot fail the shell
      }
    }
    return out;
  }

  function remember(text: string): void {
    // HISTCONTROL=ignoreboth: skip lines starting with a space and repeats of the previous entry.
    if (text.trim() === '' || text.startsWith(' ') || state.history.at(-1) === text) return;
    state.history.push(text);
  }

  /** The prompt and running state after some output; a finished job lets queued lines run. */
  function after(output: string): SubmitResult {
    if (!job && queued.length > 0) {
      const lines = queued;
      queued = [];
      let more = output;
      let last: SubmitResult | undefined;
      for (const line of lines) {
        last = shell.submit(line); // once one starts a command that keeps running, the others queue again
        more += last.output;
      }
      return { ...(last ?? { needMore: false, prompt: shell.prompt(), running: false }), output: more };
    }
    return { output, needMore: pending.length > 0, prompt: shell.prompt(), running: job !== undefined };
  }

  function finish(result: ParseResult): SubmitResult {
    if (result.status === 'incomplete') {
      stillOpen = result.stillOpen;
      return { output: '', needMore: true, prompt: CONTINUATION_PROMPT, running: false };
    }
    remember(pending.join('\n'));
    pending = [];
    stillOpen = undefined;
    if (result.status === 'error') {
      status = 2;
      return after(`bash: ${result.message}\n`);
    }
    job = execute(result);
    let output = step();
    if (job && !interactive) output += runToEnd();
    return after(output);
  }

  const source = () => pending.join('\n') + '\n';
  let queued: string[] = [];

  const shell: Shell = {
    submit(line) {
      if (job) {
        queued.push(...line.split('\n'));
        return { output: '', needMore: false, prompt: '', running: true };
      }
      if (line.includes('\n')) {
        const [first, ...rest] = line.split('\n');
        queued.unshift(...rest);
        const r = shell.submit(first);
        return r.running ? r : after(r.output);
      }
      lineNo++;
      if (pending.length === 0) pendingFirstLine = lineNo;
      pending.push(line);
      if (stillOpen?.(line)) return { output: '', needMore: true, prompt: CONTINUATION_PROMPT, running: false };
      return finish(parse(source(), { firstLine: pendingFirstLine }));
    },
    end() {
      let output = job ? runToEnd() : '';
      if (pending.length > 0) output += finish(parse(source(), { firstLine: pendingFirstLine, eof: true })).output;
      return output;
    },
    poll() {
      if (!job) return after('');
      return after(step());
    },
    job() {
      const s = current;
      if (!job || !s) return undefined;
      return {
        until: s.until, pace: s.pace ?? 1,
        ended: () => {
          try {
            return s.exitCode() !== undefined;
          } catch {
            return true;
          }
        },
        status: () => s.status?.(),
      };
    },
    commands: () => [...programs.keys()].sort(),
    interrupt() {
      queued = [];
      if (job) return after(interruptJob()).output;
      pending = [];
      stillOpen = undefined;
      status = 130;
      return '';
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
