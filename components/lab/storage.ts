/**
 * What the browser remembers, per lesson, in localStorage: the exercises passed and the lab journal
 * (which replays the cluster, the files and the history). Every function tolerates a missing or full storage.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { JournalEntry } from '@/lib/lab-types';

const prefix = 'podlab:v1';
const progressKey = (slug: string) => `${prefix}:${slug}:progress`;
const journalKey = (slug: string) => `${prefix}:${slug}:journal`;
const prefsKey = `${prefix}:prefs`;
const changeEvent = 'podlab:storage';

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // storage disabled (privacy mode, sandboxed frame)
  }
}

function read(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): boolean {
  const s = storage();
  if (!s) return false;
  try {
    if (value === null) s.removeItem(key);
    else s.setItem(key, value);
    window.dispatchEvent(new CustomEvent(changeEvent, { detail: key }));
    return true;
  } catch {
    return false; // quota exceeded
  }
}

/** Calls `listener` when this or another tab changes PodLab's storage. Returns the unsubscribe function. */
export function subscribeStorage(listener: () => void): () => void {
  window.addEventListener('storage', listener);
  window.addEventListener(changeEvent, listener);
  return () => {
    window.removeEventListener('storage', listener);
    window.removeEventListener(changeEvent, listener);
  };
}

/** The raw stored progress of a lesson (a stable string, suitable as a useSyncExternalStore snapshot). */
export function readProgressRaw(slug: string): string {
  return read(progressKey(slug)) ?? '[]';
}

/** Exercise ids passed in a lesson. */
export function parseProgress(raw: string): string[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** Records an exercise as passed (idempotent). */
export function addProgress(slug: string, exerciseId: string): void {
  const ids = parseProgress(readProgressRaw(slug));
  if (!ids.includes(exerciseId)) write(progressKey(slug), JSON.stringify([...ids, exerciseId]));
}

export function isJournalEntry(value: unknown): value is JournalEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  const keys = Object.keys(entry);
  if (keys.length !== 1) return false;
  if (keys[0] === 'line') return typeof entry.line === 'string';
  if (keys[0] === 'advanceMs') return typeof entry.advanceMs === 'number' && Number.isFinite(entry.advanceMs) && entry.advanceMs >= 0;
  if (keys[0] === 'interrupt') return entry.interrupt === true;
  return false;
}

/** The saved journal of a lesson's lab; undefined when there is none or it is not a journal. */
export function readJournal(slug: string): JournalEntry[] | undefined {
  const raw = read(journalKey(slug));
  if (raw === null) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) && value.every(isJournalEntry) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Saves a lab journal; returns false when storage is unavailable or full. */
export function writeJournal(slug: string, journal: readonly JournalEntry[]): boolean {
  return write(journalKey(slug), JSON.stringify(journal));
}

export function clearJournal(slug: string): void {
  write(journalKey(slug), null);
}

export interface Prefs {
  screenReaderMode: boolean;
}

const defaultPrefs: Prefs = { screenReaderMode: true };

export function readPrefs(): Prefs {
  return parsePrefs(read(prefsKey));
}

function parsePrefs(raw: string | null): Prefs {
  try {
    const value: unknown = JSON.parse(raw ?? '{}');
    const srm = (value as Partial<Prefs>)?.screenReaderMode;
    return { screenReaderMode: typeof srm === 'boolean' ? srm : defaultPrefs.screenReaderMode };
  } catch {
    return defaultPrefs;
  }
}

/** The learner's preferences, live; null while rendering on the server. */
export function usePrefs(): Prefs | null {
  const raw = useSyncExternalStore(subscribeStorage, () => read(prefsKey) ?? '', () => null);
  return useMemo(() => (raw === null ? null : parsePrefs(raw || null)), [raw]);
}

export function writePrefs(prefs: Prefs): void {
  write(prefsKey, JSON.stringify(prefs));
}
