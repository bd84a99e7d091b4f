/**
 * `npm run bench`: performance figures for this machine (a benchmark, not a timed test).
 * - advancing a 100-pod cluster by one simulated hour
 * - `kubectl get pods` on 100 pods (median of many runs)
 * - heap held by a cluster with 1,000 pods
 * Budgets (issue #3): < 250 ms, < 2 ms, < 50 MB.
 */
import { performance } from 'node:perf_hooks';
import { createCluster } from '../lib/sim/cluster';
import { createKubectl } from '../lib/kubectl/kubectl';
import { createVirtualFs } from '../lib/shell/vfs';
import type { Pod } from '../lib/sim/types';

function clusterWith(n: number) {
  const c = createCluster({ seed: 42 });
  for (let i = 0; i < n; i++) {
    const pod: Pod = {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: `web-${i}`, labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.12-alpine', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
    };
    c.api.create('pods', pod);
  }
  c.clock.runUntilQuiet(10 * 60_000);
  return c;
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const gc = () => (globalThis as { gc?: () => void }).gc?.();

const c100 = clusterWith(100);
const t0 = performance.now();
c100.clock.advance(3_600_000);
const hourMs = performance.now() - t0;

const kubectl = createKubectl(c100);
const fs = createVirtualFs();
const ctx = { argv: ['get', 'pods'], stdin: '', fs, isTTY: false, waitUntil: () => true };
for (let i = 0; i < 50; i++) kubectl.run(ctx);
const samples: number[] = [];
for (let i = 0; i < 300; i++) {
  const s = performance.now();
  kubectl.run(ctx);
  samples.push(performance.now() - s);
}

gc();
const before = process.memoryUsage().heapUsed;
const c1000 = clusterWith(1000);
gc();
const heapMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;

const running = c1000.api.list<Pod>('pods', 'default').filter((p) => p.status?.phase === 'Running').length;
const rows: Array<[string, string, string]> = [
  ['advance 100-pod cluster by 1 simulated hour', `${hourMs.toFixed(1)} ms`, '< 250 ms'],
  ['kubectl get pods, 100 pods (median of 300)', `${median(samples).toFixed(3)} ms`, '< 2 ms'],
  [`heap for 1,000 pods (${running} Running)`, `${heapMb.toFixed(1)} MB`, '< 50 MB'],
];
for (const [what, value, budget] of rows) console.log(`${what.padEnd(48)} ${value.padStart(10)}   budget ${budget}`);
if (!(globalThis as { gc?: unknown }).gc) console.log('(heap figure without forced GC; run with NODE_OPTIONS=--expose-gc for a steadier number)');
