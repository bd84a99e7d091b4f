import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadLessons, LessonLoadError } from '@/lib/content/lessons.server';

const lessonsDir = path.join(__dirname, '..', '..', 'content', 'lessons');

test('every lesson.json validates against lessonMetaSchema', async () => {
  const lessons = await loadLessons(lessonsDir);
  expect(lessons.length).toBeGreaterThan(0);
  expect(lessons.map((l) => l.order)).toEqual([...lessons.map((l) => l.order)].sort((a, b) => a - b));
});

describe('loader errors name the file and the field', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'podlab-lessons-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function writeLesson(slug: string, content: string) {
    await mkdir(path.join(dir, slug));
    await writeFile(path.join(dir, slug, 'lesson.json'), content);
  }

  async function loadError(): Promise<LessonLoadError> {
    try {
      await loadLessons(dir);
    } catch (error) {
      if (error instanceof LessonLoadError) return error;
      throw error;
    }
    throw new Error('loadLessons did not fail');
  }

  test('a missing translation names exercises[i].title.zh', async () => {
    const lesson = JSON.parse(await readFile(path.join(lessonsDir, 'annotations', 'lesson.json'), 'utf8'));
    delete lesson.exercises[1].title.zh;
    await writeLesson('annotations', JSON.stringify(lesson));
    const error = await loadError();
    expect(error.message).toContain(path.join(dir, 'annotations', 'lesson.json'));
    expect(error.message).toContain('exercises[1].title.zh');
  });

  test('an unknown check kind names the check', async () => {
    const lesson = JSON.parse(await readFile(path.join(lessonsDir, 'annotations', 'lesson.json'), 'utf8'));
    lesson.exercises[0].checks[2] = { check: 'podIsHappy', pod: 'pod-example' };
    await writeLesson('annotations', JSON.stringify(lesson));
    expect((await loadError()).message).toContain('exercises[0].checks[2].check');
  });

  test('an unknown key is an error', async () => {
    const lesson = JSON.parse(await readFile(path.join(lessonsDir, 'annotations', 'lesson.json'), 'utf8'));
    lesson.difficulty = 'easy';
    await writeLesson('annotations', JSON.stringify(lesson));
    expect((await loadError()).message).toMatch(/difficulty/);
  });

  test('invalid JSON names the file', async () => {
    await writeLesson('broken', '{ "slug": "broken", ');
    const error = await loadError();
    expect(error.file).toContain(path.join('broken', 'lesson.json'));
    expect(error.message).toMatch(/invalid JSON/);
  });

  test('a slug that differs from its folder is an error', async () => {
    const lesson = JSON.parse(await readFile(path.join(lessonsDir, 'annotations', 'lesson.json'), 'utf8'));
    await writeLesson('elsewhere', JSON.stringify(lesson));
    expect((await loadError()).message).toMatch(/slug: "annotations" must match its folder name "elsewhere"/);
  });
});
