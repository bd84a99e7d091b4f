/**
 * Exercise definitions are data, validated at the door (STYLE.md §6): strict zod schemas, every field described.
 * Checks are a closed vocabulary of pure functions over a read-only cluster snapshot (see checks.ts).
 */
import { z } from 'zod';

const podName = z.string().min(1).describe('Name of the Pod the check looks at');
const namespace = z.string().min(1).optional().describe('Namespace of the Pod; default "default"');

export const checkSchema = z.discriminatedUnion('check', [
  z.strictObject({ check: z.literal('podExists'), pod: podName, namespace }).describe('The Pod exists and is not being deleted'),
  z.strictObject({ check: z.literal('podAbsent'), pod: podName, namespace }).describe('No Pod of that name exists'),
  z.strictObject({
    check: z.literal('podPhase'), pod: podName, namespace,
    phase: z.enum(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']).describe('Expected status.phase'),
  }).describe("The Pod's status.phase"),
  z.strictObject({
    check: z.literal('podAnnotation'), pod: podName, namespace,
    key: z.string().min(1).describe('Annotation key under metadata.annotations'),
    value: z.string().optional().describe('Expected value; omitted means any value'),
  }).describe('The Pod carries an annotation'),
  z.strictObject({
    check: z.literal('podAnnotationAbsent'), pod: podName, namespace,
    key: z.string().min(1).describe('Annotation key that must not be present'),
  }).describe('The Pod does not carry an annotation'),
  z.strictObject({
    check: z.literal('podLabel'), pod: podName, namespace,
    key: z.string().min(1).describe('Label key under metadata.labels'),
    value: z.string().optional().describe('Expected value; omitted means any value'),
  }).describe('The Pod carries a label'),
]);
export type Check = z.infer<typeof checkSchema>;

const localized = z.strictObject({
  en: z.string().min(1).describe('English text'),
  zh: z.string().min(1).describe('Simplified Chinese text'),
});

export const exerciseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).describe('Stable id, kebab-case; progress is stored under it'),
  title: localized.describe('Short title shown above the Check button'),
  task: localized.describe('What the learner is asked to do (Markdown-free prose)'),
  checks: z.array(checkSchema).min(1).describe('All must pass for the exercise to pass'),
  solution: z.array(z.string()).min(1).describe('Reference solution: terminal lines replayed by the tests'),
  wrongAnswers: z.array(z.strictObject({
    lines: z.array(z.string()).describe('Terminal lines of a plausible wrong attempt'),
    failing: z.array(z.string()).min(1).describe('Check kinds expected to fail for it'),
  })).default([]).describe('Known wrong attempts and which checks must catch them'),
});
export type Exercise = z.infer<typeof exerciseSchema>;

export const lessonMetaSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]+$/).describe('URL segment under /lessons/'),
  order: z.number().int().positive().describe('Position in the course'),
  title: localized.describe('Lesson title'),
  summary: localized.describe('One sentence for the home page'),
  setup: z.array(z.string()).default([]).describe('Terminal lines run (unechoed) before the learner starts, e.g. files to create'),
  exercises: z.array(exerciseSchema).describe('Graded exercises, in the order they appear in the lesson'),
});
export type LessonMeta = z.infer<typeof lessonMetaSchema>;
