/**
 * The closed vocabulary of exercise checks (STYLE.md §6): each is a pure function over a read-only view of the
 * cluster, returning what was expected and what was found, in words the learner can act on, in the page's language.
 * Kubernetes terms (Pod, annotation keys, status.phase) stay as kubectl prints them in both languages.
 */
import type { ApiServer } from '../sim/apiserver';
import type { Pod } from '../sim/types';
import type { CheckResult, GradeResult } from '../lab-types';
import type { Check, Exercise } from './schema';

export type CheckLocale = 'en' | 'zh';

interface Words {
  noPod(name: string): string;
  podExists(name: string): string;
  podDeleting(name: string): string;
  podGone(name: string): string;
  podIs(name: string, phase: string): string;
  hasAnnotation(name: string, kv: string): string;
  hasNoAnnotation(name: string, key: string): string;
  hasLabel(name: string, kv: string): string;
  annotationPresent(key: string): string;
  noAnnotation(key: string): string;
  labelPresent(key: string): string;
  noLabel(key: string): string;
  exercise(id: string): string;
  knownExercise: string;
  unknownExercise: string;
}

const words: Record<CheckLocale, Words> = {
  en: {
    noPod: (n) => `no Pod named "${n}"`,
    podExists: (n) => `Pod "${n}" exists`,
    podDeleting: (n) => `Pod "${n}" is being deleted`,
    podGone: (n) => `Pod "${n}" is gone`,
    podIs: (n, p) => `Pod "${n}" is ${p}`,
    hasAnnotation: (n, kv) => `Pod "${n}" has annotation ${kv}`,
    hasNoAnnotation: (n, k) => `Pod "${n}" has no annotation ${k}`,
    hasLabel: (n, kv) => `Pod "${n}" has label ${kv}`,
    annotationPresent: (k) => `annotation ${k} present`,
    noAnnotation: (k) => `no annotation ${k}`,
    labelPresent: (k) => `label ${k} present`,
    noLabel: (k) => `no label ${k}`,
    exercise: (id) => `exercise ${id}`,
    knownExercise: 'a known exercise',
    unknownExercise: 'no such exercise in this lesson',
  },
  zh: {
    noPod: (n) => `没有名为 "${n}" 的 Pod`,
    podExists: (n) => `Pod "${n}" 存在`,
    podDeleting: (n) => `Pod "${n}" 正在删除`,
    podGone: (n) => `Pod "${n}" 已删除`,
    podIs: (n, p) => `Pod "${n}" 处于 ${p} 阶段`,
    hasAnnotation: (n, kv) => `Pod "${n}" 带有注解 ${kv}`,
    hasNoAnnotation: (n, k) => `Pod "${n}" 没有注解 ${k}`,
    hasLabel: (n, kv) => `Pod "${n}" 带有标签 ${kv}`,
    annotationPresent: (k) => `存在注解 ${k}`,
    noAnnotation: (k) => `没有注解 ${k}`,
    labelPresent: (k) => `存在标签 ${k}`,
    noLabel: (k) => `没有标签 ${k}`,
    exercise: (id) => `练习 ${id}`,
    knownExercise: '本课中的练习',
    unknownExercise: '本课没有这个练习',
  },
};

type Outcome = Omit<CheckResult, 'description'>;
type Runner<C extends Check> = (c: C, pod: Pod | undefined, w: Words) => Outcome;

const runners: { [K in Check['check']]: Runner<Extract<Check, { check: K }>> } = {
  podExists: (c, pod, w) => ({
    expected: w.podExists(c.pod),
    found: pod ? (pod.metadata.deletionTimestamp ? w.podDeleting(c.pod) : w.podExists(c.pod)) : w.noPod(c.pod),
    passed: !!pod && !pod.metadata.deletionTimestamp,
  }),
  podAbsent: (c, pod, w) => ({
    expected: w.noPod(c.pod),
    found: pod ? w.podExists(c.pod) : w.noPod(c.pod),
    passed: !pod,
  }),
  podPhase: (c, pod, w) => ({
    expected: `status.phase: ${c.phase}`,
    found: pod ? `status.phase: ${pod.status?.phase ?? '(none)'}` : w.noPod(c.pod),
    passed: pod?.status?.phase === c.phase,
  }),
  podAnnotation: (c, pod, w) => {
    const v = pod?.metadata.annotations?.[c.key];
    return {
      expected: c.value === undefined ? w.annotationPresent(c.key) : `annotation ${c.key}: ${JSON.stringify(c.value)}`,
      found: !pod ? w.noPod(c.pod) : v === undefined ? w.noAnnotation(c.key) : `annotation ${c.key}: ${JSON.stringify(v)}`,
      passed: v !== undefined && (c.value === undefined || v === c.value),
    };
  },
  podAnnotationAbsent: (c, pod, w) => {
    const v = pod?.metadata.annotations?.[c.key];
    return {
      expected: w.noAnnotation(c.key),
      found: !pod ? w.noPod(c.pod) : v === undefined ? w.noAnnotation(c.key) : `annotation ${c.key}: ${JSON.stringify(v)}`,
      passed: !!pod && v === undefined,
    };
  },
  podLabel: (c, pod, w) => {
    const v = pod?.metadata.labels?.[c.key];
    return {
      expected: c.value === undefined ? w.labelPresent(c.key) : `label ${c.key}=${c.value}`,
      found: !pod ? w.noPod(c.pod) : v === undefined ? w.noLabel(c.key) : `label ${c.key}=${v}`,
      passed: v !== undefined && (c.value === undefined || v === c.value),
    };
  },
};

function describeCheck(c: Check, w: Words): string {
  const kv = (k: string, v?: string) => (v === undefined ? k : `${k}=${v}`);
  switch (c.check) {
    case 'podExists': return w.podExists(c.pod);
    case 'podAbsent': return w.podGone(c.pod);
    case 'podPhase': return w.podIs(c.pod, c.phase);
    case 'podAnnotation': return w.hasAnnotation(c.pod, kv(c.key, c.value));
    case 'podAnnotationAbsent': return w.hasNoAnnotation(c.pod, c.key);
    case 'podLabel': return w.hasLabel(c.pod, kv(c.key, c.value));
  }
}

/** Runs one check against the API. Pure: reads only. */
export function runCheck(api: ApiServer, c: Check, locale: CheckLocale = 'en'): CheckResult {
  const w = words[locale];
  const pod = api.find<Pod>('pods', c.namespace ?? 'default', c.pod);
  const r = (runners[c.check] as Runner<Check>)(c, pod, w);
  return { description: describeCheck(c, w), ...r };
}

/** Grades an exercise: every check must pass. Pure. */
export function gradeExercise(api: ApiServer, exercise: Exercise, locale: CheckLocale = 'en'): GradeResult {
  const checks = exercise.checks.map((c) => runCheck(api, c, locale));
  return { exerciseId: exercise.id, passed: checks.every((c) => c.passed), checks };
}

/** The result for an exercise id the lesson does not have. */
export function unknownExercise(exerciseId: string, locale: CheckLocale = 'en'): GradeResult {
  const w = words[locale];
  return { exerciseId, passed: false, checks: [{ description: w.exercise(exerciseId), expected: w.knownExercise, found: w.unknownExercise, passed: false }] };
}
