// `npm run bench`: bundles scripts/bench.ts with esbuild (as the code ships: no dev-loader wrappers such as tsx's
// keepNames, which add a call to every closure) and runs it with a forced-GC-capable Node.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const out = 'node_modules/.cache/podlab/bench.cjs';
mkdirSync('node_modules/.cache/podlab', { recursive: true });
await build({ entryPoints: ['scripts/bench.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
const r = spawnSync(process.execPath, ['--expose-gc', out], { stdio: 'inherit' });
process.exit(r.status ?? 1);
