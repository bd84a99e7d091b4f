/**
 * The headless runner: `npm run -s sim -- FILE` (or `-` for stdin) runs each line as if typed at the lesson
 * terminal and prints what the terminal would show, without colours. Same FILE → byte-identical output.
 * Exit status 0 even when commands inside fail; 2 only when FILE cannot be read.
 */
import { readFileSync } from 'node:fs';
import { createLab } from '../lib/lab';
import { runScript } from '../lib/shell/runner';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npm run -s sim -- FILE   (FILE, or - for stdin)\n');
  process.exit(2);
}
let script: string;
try {
  script = readFileSync(file === '-' ? 0 : file, 'utf8');
} catch (e) {
  process.stderr.write(`sim: cannot read ${file}: ${(e as Error).message}\n`);
  process.exit(2);
}
const lab = createLab({ isTTY: false });
process.stdout.write(runScript(script, lab.shell, () => lab.cluster.clock.settle()));
