/**
 * Every exercise is proven (STYLE.md §7): a fresh lab fails it, its reference solution — typed through the real
 * shell, kubectl and cluster — passes it, and each known wrong answer fails on the checks the lesson says it must.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLab } from '@/lib/lab';
import { lessonMetaSchema, type LessonMeta } from '@/lib/lessons/schema';

const root = join(__dirname, '..', '..', 'content', 'lessons');
const lessons: LessonMeta[] = readdirSync(root).sort().map((slug) => lessonMetaSchema.parse(JSON.parse(readFileSync(join(root, slug, 'lesson.json'), 'utf8'))));
const cases = lessons.flatMap((lesson) => lesson.exercises.map((ex) => [`${lesson.slug}/${ex.id}`, lesson, ex] as const));

/** Types lines as a learner would, then lets the cluster finish what they started (as the page's ticker would). */
function labAfter(lesson: LessonMeta, lines: readonly string[]) {
  const lab = createLab({ lesson });
  lab.terminal.start();
  for (const line of lines) lab.terminal.feed(`${line}\r`);
  lab.advance(30_000);
  return lab;
}

describe.each(cases)('exercise %s', (_id, lesson, ex) => {
  test('a fresh lab does not pass it', () => {
    const result = createLab({ lesson }).grade(ex.id);
    expect(result.passed).toBe(false);
    expect(result.checks.some((c) => !c.passed)).toBe(true);
  });

  test('its reference solution passes every check', () => {
    const result = labAfter(lesson, ex.solution).grade(ex.id);
    expect(result.checks.filter((c) => !c.passed)).toEqual([]);
    expect(result.passed).toBe(true);
  });

  test.each(ex.wrongAnswers.map((w, i) => [i, w] as const))('known wrong answer #%i fails on the checks it should', (_i, wrong) => {
    const result = labAfter(lesson, wrong.lines).grade(ex.id);
    expect(result.passed).toBe(false);
    const failedKinds = ex.checks.filter((_c, k) => !result.checks[k].passed).map((c) => c.check);
    for (const kind of wrong.failing) expect(failedKinds).toContain(kind);
  });
});

test('grading reports what was expected and what was found', () => {
  const lesson = lessons.find((l) => l.slug === 'annotations')!;
  const lab = labAfter(lesson, ['kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: pod-example', 'spec:', '  containers:', '  - name: nginx', '    image: nginx:1.12-alpine', 'EOF']);
  const check = lab.grade('declare-annotation').checks.find((c) => c.description.includes('annotation'))!;
  expect(check).toEqual({
    description: 'Pod "pod-example" has annotation created-by=cluster admin',
    expected: 'annotation created-by: "cluster admin"',
    found: 'no annotation created-by',
    passed: false,
  });
});

test('on the Chinese page the checks speak Chinese, Kubernetes terms unchanged', () => {
  const lesson = lessons.find((l) => l.slug === 'annotations')!;
  const lab = createLab({ lesson });
  const result = lab.grade('declare-annotation', 'zh');
  expect(result.checks[0]).toEqual({ description: 'Pod "pod-example" 存在', expected: 'Pod "pod-example" 存在', found: '没有名为 "pod-example" 的 Pod', passed: false });
  expect(lab.grade('nope', 'zh').checks[0].found).toBe('本课没有这个练习');
});
