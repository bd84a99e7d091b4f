/**
 * The headless runner: replays a script through a shell as if typed, and returns the transcript a terminal
 * would show (`$ ` before each command, `> ` before continuation lines, then the output).
 */
import type { Shell } from './shell';

/**
 * Runs every line of `script` through `shell` (mutating it) and returns the transcript. Exit statuses never stop
 * the run. `afterLine` is called after each line is submitted (the lab settles its cluster there).
 */
export function runScript(script: string, shell: Shell, afterLine?: (line: string) => void): string {
  const lines = script.split('\n');
  if (lines.at(-1) === '') lines.pop(); // a final newline ends the last line; it does not add an empty one
  let transcript = '';
  for (const line of lines) {
    transcript += shell.prompt() + line + '\n' + shell.submit(line).output;
    afterLine?.(line);
  }
  return transcript + shell.end();
}
