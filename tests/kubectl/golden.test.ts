/**
 * Golden transcripts: each tests/golden/NAME.sh is run through the headless runner (the same code as
 * `npm run -s sim`), and must give tests/golden/NAME.out byte for byte. To accept a deliberate change, run
 * `UPDATE_GOLDEN=1 npx jest tests/kubectl/golden` and review the diff.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLab } from '@/lib/lab';
import { runScript } from '@/lib/shell/runner';

const dir = join(__dirname, '..', 'golden');
const scripts = readdirSync(dir).filter((f) => f.endsWith('.sh')).sort();

const transcript = (script: string) => {
  const lab = createLab({ isTTY: false });
  return runScript(script, lab.shell, () => lab.cluster.clock.settle());
};

test.each(scripts)('%s gives its golden transcript', (file) => {
  const script = readFileSync(join(dir, file), 'utf8');
  const out = transcript(script);
  const golden = join(dir, file.replace(/\.sh$/, '.out'));
  if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, out);
  expect(out).toBe(readFileSync(golden, 'utf8'));
});

test('the same script gives a byte-identical transcript every time', () => {
  const script = readFileSync(join(dir, scripts[0]), 'utf8');
  expect(transcript(script)).toBe(transcript(script));
});
