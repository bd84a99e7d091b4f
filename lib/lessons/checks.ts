/**
 * The closed vocabulary of exercise checks (STYLE.md §6): each is a pure function over a read-only view of the
 * cluster, returning what was expected and what was found, in words the learner can act on.
 */
import type { ApiServer } from '../sim/apiserver';
import type { Pod } from '../sim/types';
import type { CheckResult, GradeResult } from '../lab-types';
import type { Check, Exercise } from './schema';

type Runner<C extends Check> = (c: C, pod: Pod | undefined) => Omit<CheckResult, 'description'> & { description?: string };

const missing = (name: string) => `no Pod named "${name}"`;

const runners: { [K in Check['check']]: Runner<Extract<Check, { check: K }>> } = {
  podExists: (c, pod) => ({
    expected: `Pod "${c.pod}" exists`,
    found: pod ? (pod.metadata.deletionTimestamp ? `Pod "${c.pod}" is being deleted` : `Pod "${c.pod}" exists`) : missing(c.pod),
    passed: !!pod && !pod.metadata.deletionTimestamp,
  }),
  podAbsent: (c, pod) => ({
    expected: `no Pod named "${c.pod}"`,
    found: pod ? `Pod "${c.pod}" exists` : missing(c.pod),
    passed: !pod,
  }),
  podPhase: (c, pod) => ({
    expected: `status.phase: ${c.phase}`,
    found: pod ? `status.phase: ${pod.status?.phase ?? '(none)'}` : missing(c.pod),
    passed: pod?.status?.phase === c.phase,
  }),
  podAnnotation: (c, pod) => {
    const v = pod?.metadata.annotations?.[c.key];
    return {
      expected: c.value === undefined ? `annotation ${c.key} present` : `annotation ${c.key}: ${JSON.stringify(c.value)}`,
      found: !pod ? missing(c.pod) : v === undefined ? `no annotation ${c.key}` : `annotation ${c.key}: ${JSON.stringify(v)}`,
      passed: v !== undefined && (c.value === undefined || v === c.value),
    };
  },
  podAnnotationAbsent: (c, pod) => {
    const v = pod?.metadata.annotations?.[c.key];
    return {
      expected: `no annotation ${c.key}`,
      found: !pod ? missing(c.pod) : v === undefined ? `no annotation ${c.key}` : `annotation ${c.key}: ${JSON.stringify(v)}`,
      passed: !!pod && v === undefined,
    };
  },
  podLabel: (c, pod) => {
    const v = pod?.metadata.labels?.[c.key];
    return {
      expected: c.value === undefined ? `label ${c.key} present` : `label ${c.key}=${c.value}`,
      found: !pod ? missing(c.pod) : v === undefined ? `no label ${c.key}` : `label ${c.key}=${v}`,
      passed: v !== undefined && (c.value === undefined || v === c.value),
    };
  },
};

const describeCheck = (c: Check): string => {
  switch (c.check) {
    case 'podExists': return `Pod "${c.pod}" exists`;
    case 'podAbsent': return `Pod "${c.pod}" is gone`;
    case 'podPhase': return `Pod "${c.pod}" is ${c.phase}`;
    case 'podAnnotation': return `Pod "${c.pod}" has annotation ${c.key}${c.value === undefined ? '' : `=${c.value}`}`;
    case 'podAnnotationAbsent': return `Pod "${c.pod}" has no annotation ${c.key}`;
    case 'podLabel': return `Pod "${c.pod}" has label ${c.key}${c.value === undefined ? '' : `=${c.value}`}`;
  }
};

/** Runs one check against the API. Pure: reads only. */
export function runCheck(api: ApiServer, c: Check): CheckResult {
  const pod = api.find<Pod>('pods', c.namespace ?? 'default', c.pod);
  const r = (runners[c.check] as Runner<Check>)(c, pod);
  return { description: describeCheck(c), expected: r.expected, found: r.found, passed: r.passed };
}

/** Grades an exercise: every check must pass. Pure. */
export function gradeExercise(api: ApiServer, exercise: Exercise): GradeResult {
  const checks = exercise.checks.map((c) => runCheck(api, c));
  return { exerciseId: exercise.id, passed: checks.every((c) => c.passed), checks };
}
