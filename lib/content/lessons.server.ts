/**
 * Loads the course from `content/lessons/<slug>/`: `lesson.json` (validated by lessonMetaSchema) and the prose,
 * `lesson.<locale>.mdx`. Runs at build time only (the lesson pages are statically generated).
 * Errors name the file and the field, e.g. `content/lessons/annotations/lesson.json: exercises[0].title.zh: …`.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { lessonMetaSchema, type LessonMeta } from '../lessons/schema';
import type { Locale } from './i18n';

/**
 * Where the lessons live unless a caller (a test) says otherwise.
 * Content is read while the pages are generated at build time, never while serving them, so the file reads below
 * are excluded from Turbopack's output tracing (`turbopackIgnore`), which would otherwise trace the whole project.
 */
export const defaultLessonsDir = path.join(process.cwd(), 'content', 'lessons');

export class LessonLoadError extends Error {
  constructor(readonly file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'LessonLoadError';
  }
}

/** `['exercises', 0, 'title', 'zh']` → `exercises[0].title.zh`. */
export function formatIssuePath(issuePath: readonly PropertyKey[]): string {
  let out = '';
  for (const key of issuePath) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** One line per zod issue: `field: message`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`).join('; ');
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel.split(path.sep).join('/');
}

/** Parses and validates one lesson.json. Throws LessonLoadError naming the file and the failing fields. */
export async function loadLessonMetaFile(file: string): Promise<LessonMeta> {
  const shown = displayPath(file);
  let text: string;
  try {
    text = await readFile(/* turbopackIgnore: true */ file, 'utf8');
  } catch (error) {
    throw new LessonLoadError(shown, `cannot read: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LessonLoadError(shown, `invalid JSON: ${(error as Error).message}`);
  }
  const parsed = lessonMetaSchema.safeParse(json);
  if (!parsed.success) throw new LessonLoadError(shown, formatIssues(parsed.error.issues));
  const folder = path.basename(path.dirname(file));
  if (parsed.data.slug !== folder) {
    throw new LessonLoadError(shown, `slug: "${parsed.data.slug}" must match its folder name "${folder}"`);
  }
  const ids = parsed.data.exercises.map((e) => e.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) {
    throw new LessonLoadError(shown, `exercises[${ids.lastIndexOf(duplicate)}].id: "${duplicate}" is used twice`);
  }
  return parsed.data;
}

/** Every lesson of the course, sorted by `order`. Throws on an invalid file or a duplicate `order`. */
export async function loadLessons(dir: string = defaultLessonsDir): Promise<LessonMeta[]> {
  const entries = await readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true });
  const lessons: LessonMeta[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    lessons.push(await loadLessonMetaFile(path.join(dir, entry.name, 'lesson.json')));
  }
  lessons.sort((a, b) => a.order - b.order);
  for (let i = 1; i < lessons.length; i++) {
    if (lessons[i].order === lessons[i - 1].order) {
      const file = displayPath(path.join(dir, lessons[i].slug, 'lesson.json'));
      throw new LessonLoadError(file, `order: ${lessons[i].order} is also used by lesson "${lessons[i - 1].slug}"`);
    }
  }
  return lessons;
}

/** Path of a lesson's prose in a locale. */
export function lessonMdxPath(slug: string, locale: Locale, dir: string = defaultLessonsDir): string {
  return path.join(dir, slug, `lesson.${locale}.mdx`);
}

/** The MDX source of a lesson in a locale. */
export async function readLessonMdx(slug: string, locale: Locale, dir: string = defaultLessonsDir): Promise<string> {
  const file = lessonMdxPath(slug, locale, dir);
  try {
    return await readFile(/* turbopackIgnore: true */ file, 'utf8');
  } catch (error) {
    throw new LessonLoadError(displayPath(file), `cannot read: ${(error as Error).message}`);
  }
}
