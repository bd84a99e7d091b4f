import { createRandom } from '@/lib/sim/random';
import { jitter, newBackOff, newCrashLoopBackOff } from '@/lib/sim/kubelet/backoff';

// Upstream tables from staging/src/k8s.io/client-go/util/flowcontrol/backoff_test.go, with a fake clock in ms.
const step = 1000;

function fakeClock() {
  let t = 1_700_000_000_000;
  return { now: () => t, step: (ms: number) => { t += ms; }, set: (ms: number) => { t = ms; } };
}

test('TestSlowBackoff: 1s doubling to a 50s cap, and Reset clears it', () => {
  const tc = fakeClock();
  const b = newBackOff(step, 50 * step, tc.now);
  const cases = [0, 1, 2, 4, 8, 16, 32, 50, 50, 50];
  for (const c of cases) {
    tc.step(step);
    expect(b.get('_idSlow')).toBe(c * step);
    b.next('_idSlow', tc.now());
  }
  b.next('_idSlow', tc.now());
  b.reset('_idSlow');
  expect(b.get('_idSlow')).toBe(0);
});

test('TestBackoffReset: after twice the maximum without an event the item is out of back-off', () => {
  const tc = fakeClock();
  const max = 5 * step;
  const b = newBackOff(step, max, tc.now);
  for (let i = 0; i <= max / step; i++) { tc.step(step); b.next('_idReset', tc.now()); }
  expect(b.isInBackOffSince('_idReset', tc.now())).toBe(true);
  const lastUpdate = tc.now();
  tc.step(2 * max + step);
  expect(b.isInBackOffSince('_idReset', lastUpdate)).toBe(false);
});

test('TestBackoffHightWaterMark: the high-water mark holds within twice the maximum', () => {
  const tc = fakeClock();
  const max = 5 * step;
  const b = newBackOff(step, max, tc.now);
  for (let i = 0; i <= max / step; i++) { tc.step(step); b.next('_idHiWaterMark', tc.now()); }
  tc.step(max + step);
  b.next('_idHiWaterMark', tc.now());
  expect(b.get('_idHiWaterMark')).toBe(max);
});

test('TestBackoffGC: entries go after twice the maximum without updates', () => {
  const tc = fakeClock();
  const max = 5 * step;
  const b = newBackOff(step, max, tc.now);
  for (let i = 0; i <= max / step; i++) { tc.step(step); b.next('_idGC', tc.now()); }
  tc.step(max + step);
  b.gc();
  expect(b.get('_idGC')).toBe(max);
  tc.step(max + step);
  b.gc();
  expect(b.get('_idGC')).toBe(0);
});

describe('TestIsInBackOffSinceUpdate', () => {
  const tc = fakeClock();
  const start = tc.now();
  const b = newBackOff(step, 10 * step, tc.now);
  test.each([
    [0, false, 0], [1, false, 1], [2, true, 2], [3, false, 2], [4, true, 4], [5, true, 4], [6, true, 4], [7, false, 4],
    [8, true, 8], [9, true, 8], [10, true, 8], [11, true, 8], [12, true, 8], [13, true, 8], [14, true, 8], [15, false, 8],
    [16, true, 10], [17, true, 10], [18, true, 10], [19, true, 10], [20, true, 10], [21, true, 10], [22, true, 10], [23, true, 10],
    [24, true, 10], [25, false, 10], [26, true, 10], [27, true, 10], [28, true, 10], [29, true, 10], [30, true, 10], [31, true, 10],
    [32, true, 10], [33, true, 10], [34, true, 10], [35, false, 10], [56, false, 0], [57, false, 1],
  ])('tick %i: in back-off %s, value %i', (tick, inBackOff, value) => {
    tc.set(start + tick * step);
    expect(b.isInBackOffSinceUpdate('_id', tc.now())).toBe(inBackOff);
    if (inBackOff) expect(b.get('_id')).toBe(value * step);
    else b.next('_id', tc.now());
  });
});

describe('the kubelet crash-loop back-off (kubelet.go newCrashLoopBackOff, v1.34 defaults)', () => {
  test('waits 10s, 20s, 40s, 80s, 160s, then 300s for every further crash', () => {
    const tc = fakeClock();
    const b = newCrashLoopBackOff(tc.now);
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      tc.step(5_000); // the container runs 5s, then crashes
      b.next('c', tc.now());
      waits.push(b.get('c') / 1000);
      tc.step(b.get('c'));
    }
    expect(waits).toEqual([10, 20, 40, 80, 160, 300, 300, 300]);
  });

  test.each([
    [600_000, 20_000], // ran exactly 10 minutes since the last restart: not forgiven (strictly more is needed)
    [600_001, 10_000], // ran longer: back to the initial 10s
  ])('a container that ran %ims after its restart gets %ims next', (ran, expected) => {
    const tc = fakeClock();
    const b = newCrashLoopBackOff(tc.now);
    b.next('c', tc.now());
    tc.step(ran);
    const finishedAt = tc.now();
    expect(b.isInBackOffSince('c', finishedAt)).toBe(ran <= 600_000);
    b.next('c', finishedAt);
    expect(b.get('c')).toBe(expected);
  });
});

test('wait.Jitter adds up to factor × duration', () => {
  const random = createRandom(3);
  for (let i = 0; i < 200; i++) {
    const d = jitter(10_000, 0.5, random);
    expect(d).toBeGreaterThanOrEqual(10_000);
    expect(d).toBeLessThan(15_000);
  }
});
