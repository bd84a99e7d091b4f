/**
 * `npm run bench`: performance figures for this machine (a benchmark, not a timed test).
 * - advancing a 100-pod cluster by one simulated hour (median of three hours after a warm-up hour): no probes, and
 *   with liveness + readiness probes (period 10s) of each kind
 * - `kubectl get pods` on 100 pods (median of many runs)
 * - heap held by a cluster with 1,000 pods
 * - booting a cluster (what every lesson page and replay pays first)
 * Budgets (issue #3): < 250 ms for the probed hour, < 2 ms, < 50 MB.
 */
import { performance } from 'node:perf_hooks';
import { createCluster } from '../lib/sim/cluster';
import { createKubectl } from '../lib/kubectl/kubectl';
import { createVirtualFs } from '../lib/shell/vfs';
import type { Pod, Probe } from '../lib/sim/types';

type ProbeKind = 'none' | 'httpGet' | 'tcpSocket' | 'exec';
const probe = (kind: ProbeKind): Probe | undefined =>
  kind === 'httpGet' ? { httpGet: { path: '/', port: 80 }, periodSeconds: 10 }
    : kind === 'tcpSocket' ? { tcpSocket: { port: 80 }, periodSeconds: 10 }
      : kind === 'exec' ? { exec: { command: ['test', '-e', '/usr/share/nginx/html/index.html'] }, periodSeconds: 10 }
        : undefined;

function clusterWith(n: number, kind: ProbeKind = 'none') {
  const c = createCluster({ seed: 42 });
  for (let i = 0; i < n; i++) {
    const p = probe(kind);
    const pod: Pod = {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: `web-${i}`, labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.12-alpine', resources: { requests: { cpu: '10m', memory: '16Mi' } }, ...(p ? { livenessProbe: p, readinessProbe: p } : {}) }] },
    };
    c.api.create('pods', pod);
  }
  c.clock.runUntilQuiet(10 * 60_000);
  return c;
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const rows: Array<[string, string, string]> = [];

const bootSamples: number[] = [];
for (let i = 0; i < 20; i++) { const s = performance.now(); createCluster({ seed: i }); bootSamples.push(performance.now() - s); }
rows.push(['boot a cluster (median of 20)', `${median(bootSamples).toFixed(1)} ms`, '']);

for (const kind of ['none', 'tcpSocket', 'httpGet', 'exec'] as ProbeKind[]) {
  const c = clusterWith(100, kind);
  c.clock.advance(3_600_000); // warm-up hour
  const hours: number[] = [];
  for (let h = 0; h < 3; h++) {
    const t0 = performance.now();
    c.clock.advance(3_600_000);
    hours.push(performance.now() - t0);
  }
  const ms = median(hours);
  const running = c.api.list<Pod>('pods', 'default').filter((p) => p.status?.phase === 'Running').length;
  rows.push([`advance 100 pods 1 simulated hour (median of 3), probes: ${kind}`, `${ms.toFixed(1)} ms`, kind === 'none' ? '' : '< 250 ms']);
  if (running < 100) rows.push([`  (only ${running} pods Running)`, '', '']);
}

const c100 = clusterWith(100);
const kubectl = createKubectl(c100);
const ctx = { argv: ['get', 'pods'], stdin: '', fs: createVirtualFs(), isTTY: false, now: () => c100.clock.now(), waitUntil: () => true };
for (let i = 0; i < 50; i++) kubectl.run(ctx);
const samples: number[] = [];
for (let i = 0; i < 300; i++) { const s = performance.now(); kubectl.run(ctx); samples.push(performance.now() - s); }
rows.push(['kubectl get pods, 100 pods (median of 300)', `${median(samples).toFixed(3)} ms`, '< 2 ms']);

gc();
const before = process.memoryUsage().heapUsed;
const c1000 = clusterWith(1000);
gc();
const heapMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
const running = c1000.api.list<Pod>('pods', 'default').filter((p) => p.status?.phase === 'Running').length;
rows.push([`heap for 1,000 pods (${running} Running, the rest Pending: 110 pods/node)`, `${heapMb.toFixed(1)} MB`, '< 50 MB']);

for (const [what, value, budget] of rows) console.log(`${what.padEnd(66)} ${value.padStart(10)}   ${budget ? `budget ${budget}` : ''}`);
if (!(globalThis as { gc?: unknown }).gc) console.log('(heap figure without forced GC; run with NODE_OPTIONS=--expose-gc for a steadier number)');
