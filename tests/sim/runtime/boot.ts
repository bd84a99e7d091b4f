/** Test helper: starts one container on a fresh clock (2025-09-01T09:00:00Z) and records its exits. */
import { createVirtualClock } from '@/lib/sim/clock';
import { createRandom } from '@/lib/sim/random';
import { startContainerProcess } from '@/lib/sim/runtime/container';
import { lookupImage } from '@/lib/sim/runtime/images';
import type { StartOptions } from '@/lib/sim/runtime/types';
import type { Container } from '@/lib/sim/types';

export const T0 = Date.UTC(2025, 8, 1, 9, 0, 0);

export function boot(image: string, container: Partial<Container> = {}, extra: Partial<StartOptions> = {}) {
  const clock = createVirtualClock(T0);
  const info = lookupImage(image);
  if (!info) throw new Error(`no image ${image}`);
  const exits: Array<{ code: number; reason: string; message?: string; at: number }> = [];
  const p = startContainerProcess({
    clock, random: createRandom(1), image: info, container: { name: 'main', image, ...container }, env: [], podName: 'demo', podIP: '10.244.1.5',
    limits: {}, onExit: (code, reason, message) => exits.push({ code, reason, message, at: clock.now() - T0 }), ...extra,
  });
  clock.settle();
  return { clock, p, exits };
}

/** Runs a script with `sh -c` inside a fresh busybox container; returns the exec result. */
export function sh(script: string, image = 'busybox') {
  const { p } = boot(image, { command: ['sleep', '3600'] });
  return p.exec(['sh', '-c', script]);
}
