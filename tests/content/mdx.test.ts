/**
 * Lesson prose is checked as text: only registry components, one terminal, every exercise placed exactly once per
 * language and in lesson.json's order, the same exercises in English and Chinese.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { lessonMetaSchema, type LessonMeta } from '@/lib/lessons/schema';
import { locales } from '@/lib/content/i18n';
import { mdxComponentNames } from '@/components/mdx/names';
import { scanMdx, stripCode } from './mdx-scan';

const lessonsDir = path.join(__dirname, '..', '..', 'content', 'lessons');
const slugs = readdirSync(lessonsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

function lessonMeta(slug: string): LessonMeta {
  return lessonMetaSchema.parse(JSON.parse(readFileSync(path.join(lessonsDir, slug, 'lesson.json'), 'utf8')));
}

const files = slugs.flatMap((slug) => locales.map((locale) => ({ slug, locale, file: path.join(lessonsDir, slug, `lesson.${locale}.mdx`) })));

test('there is at least one lesson', () => {
  expect(slugs.length).toBeGreaterThan(0);
});

describe.each(files)('content/lessons/$slug/lesson.$locale.mdx', ({ slug, file }) => {
  const source = existsSync(file) ? readFileSync(file, 'utf8') : null;
  const scan = source === null ? null : scanMdx(source);

  test('exists', () => {
    expect(source).not.toBeNull();
  });

  test('uses only components from the MDX registry', () => {
    const allowed = new Set<string>(mdxComponentNames);
    const unknown = scan!.tags.filter((t) => !allowed.has(t.name)).map((t) => `<${t.name}> on line ${t.line}`);
    expect(unknown).toEqual([]);
  });

  test('has no imports or exports (components come from the registry)', () => {
    expect(scan!.esm).toEqual([]);
  });

  test('places the terminal exactly once', () => {
    expect(scan!.tags.filter((t) => t.name === 'Terminal')).toHaveLength(1);
  });

  test('has no level-1 heading (the page renders the title from lesson.json)', () => {
    expect(scan!.headings.filter((h) => h.depth === 1)).toEqual([]);
  });

  test('places every exercise of lesson.json exactly once, in order', () => {
    const meta = lessonMeta(slug);
    const placed = scan!.tags.filter((t) => t.name === 'Exercise');
    for (const tag of placed) {
      expect({ line: tag.line, id: tag.attrs.id }).toEqual({ line: tag.line, id: expect.any(String) });
    }
    const ids = placed.map((t) => t.attrs.id);
    const unknown = ids.filter((id) => !meta.exercises.some((e) => e.id === id));
    expect(unknown).toEqual([]);
    expect(ids).toEqual(meta.exercises.map((e) => e.id));
  });

  test('every shell block is balanced (a here-document ends)', () => {
    const blocks = [...source!.matchAll(/^```(?:sh|shell|bash)\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
    for (const block of blocks) {
      const start = /<<-?\s*'?(\w+)'?/.exec(block);
      if (start) expect(block.split('\n')).toContain(start[1]);
    }
  });
});

test.each(slugs)('%s: English and Chinese place the same exercises', (slug) => {
  const ids = locales.map((locale) => {
    const source = readFileSync(path.join(lessonsDir, slug, `lesson.${locale}.mdx`), 'utf8');
    return scanMdx(source).tags.filter((t) => t.name === 'Exercise').map((t) => t.attrs.id);
  });
  for (const other of ids.slice(1)) expect(other).toEqual(ids[0]);
});

describe('the scanner', () => {
  test('ignores tags inside code fences and inline code', () => {
    const source = 'Text `<Bogus />`\n\n```sh\ncat <<EOF\n<Nope />\nEOF\n```\n\n<Note>hi</Note>\n';
    expect(scanMdx(source).tags.map((t) => t.name)).toEqual(['Note']);
    expect(stripCode(source).split('\n')).toHaveLength(source.split('\n').length);
  });

  test('reads string attributes and line numbers', () => {
    const scan = scanMdx('a\n\n<Exercise id="x-y" />\n');
    expect(scan.tags).toEqual([{ name: 'Exercise', attrs: { id: 'x-y' }, line: 3 }]);
  });
});
