/**
 * The kubelet's current entry point, kept while the kubelet moves to `startContainerProcess` (container.ts):
 * a thin adapter that runs the container through the new runtime with what `ProcessOptions` carries (no pod
 * name, environment from the container spec only, no limits). The lead removes it once the kubelet calls
 * `startContainerProcess` directly.
 */
import type { VirtualClock } from '../clock';
import type { Random } from '../random';
import type { Container } from '../types';
import { startContainerProcess } from './container';
import type { ImageInfo } from './images';
import type { ContainerProcess } from './types';

export interface Process {
  signal(sig: 'TERM' | 'KILL'): void;
  /** Cancels the process's timers without reporting an exit (the pod is gone). */
  dispose(): void;
}

export interface ProcessOptions {
  clock: VirtualClock;
  random: Random;
  image: ImageInfo;
  container: Container;
  onExit(exitCode: number, reason?: string): void;
}

/** Starts the main process of a container (see startContainerProcess); returns the full ContainerProcess. */
export function startProcess(o: ProcessOptions): Process & ContainerProcess {
  return startContainerProcess({
    clock: o.clock, random: o.random, image: o.image, container: o.container, env: o.container.env ?? [], podName: o.container.name, limits: {},
    onExit: (code, reason) => o.onExit(code, reason),
  });
}
