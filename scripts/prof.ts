import { createCluster } from '../lib/sim/cluster';
import type { Pod } from '../lib/sim/types';
const kind = process.argv[2];
const c = createCluster({ seed: 42 });
for (let i = 0; i < 100; i++) {
  const p = kind === 'exec' ? { exec: { command: ['test', '-e', '/usr/share/nginx/html/index.html'] }, periodSeconds: 10 } : { httpGet: { path: '/', port: 80 }, periodSeconds: 10 };
  c.api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: `web-${i}` }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.12-alpine', livenessProbe: p, readinessProbe: p }] } } as Pod);
}
c.clock.runUntilQuiet(600_000);
c.clock.advance(3_600_000);
c.clock.advance(3 * 3_600_000);
