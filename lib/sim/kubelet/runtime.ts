/**
 * The container runtime the kubelet starts containers through (lib/sim/runtime/types.ts is the contract).
 * `defaultRuntime` is the one switch; tests bring their own.
 */
import type { ContainerProcess, StartOptions } from '../runtime/types';
import { startContainerProcess } from '../runtime/container';

/** Starts a container's main process; the kubelet calls nothing else on the runtime. */
export type ContainerRuntime = (opts: StartOptions) => ContainerProcess;

/** The runtime every kubelet uses unless its options name another. */
export const defaultRuntime: ContainerRuntime = startContainerProcess;
