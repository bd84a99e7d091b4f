import { humanDuration, shortHumanDuration, translateTimestampSince } from '@/lib/kubectl/printers/duration';

// Re-expressed from kubernetes staging/src/k8s.io/apimachinery/pkg/util/duration/duration_test.go. Durations are in ms;
// Go's `-2*time.Second + 1` (one nanosecond) becomes -1999 ms.
const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

describe('HumanDuration', () => {
  test.each([
    [s, '1s'],
    [70 * s, '70s'],
    [190 * s, '3m10s'],
    [70 * m, '70m'],
    [47 * h, '47h'],
    [49 * h, '2d1h'],
    [(8 * 24 + 2) * h, '8d'],
    [367 * d, '367d'],
    [(365 * 2 * 24 + 25) * h, '2y1d'],
    [(365 * 8 * 24 + 2) * h, '8y'],
  ])('TestHumanDuration %d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });

  test.each([
    [-2 * s, '<invalid>'],
    [-2 * s + 1, '0s'],
    [0, '0s'],
    [s - 1, '0s'],
    [2 * m - 1, '119s'],
    [2 * m, '2m'],
    [2 * m + s, '2m1s'],
    [10 * m - 1, '9m59s'],
    [10 * m, '10m'],
    [10 * m + s, '10m'],
    [3 * h - 1, '179m'],
    [3 * h, '3h'],
    [3 * h + m, '3h1m'],
    [8 * h - 1, '7h59m'],
    [8 * h, '8h'],
    [8 * h + 59 * m, '8h'],
    [2 * d - 1, '47h'],
    [2 * d, '2d'],
    [2 * d + h, '2d1h'],
    [8 * d - 1, '7d23h'],
    [8 * d, '8d'],
    [8 * d + 23 * h, '8d'],
    [2 * y - 1, '729d'],
    [2 * y, '2y'],
    [2 * y + 23 * h, '2y'],
    [2 * y + 23 * h + 59 * m, '2y'],
    [2 * y + 24 * h - 1, '2y'],
    [2 * y + 24 * h, '2y1d'],
    [3 * y, '3y'],
    [4 * y, '4y'],
    [5 * y, '5y'],
    [6 * y, '6y'],
    [7 * y, '7y'],
    [8 * y - 1, '7y364d'],
    [8 * y, '8y'],
    [8 * y + 364 * d, '8y'],
    [9 * y, '9y'],
  ])('TestHumanDurationBoundaries %d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

test.each([
  [-2 * s, '<invalid>'],
  [-2 * s + 1, '0s'],
  [0, '0s'],
  [s - 1, '0s'],
  [s, '1s'],
  [2 * s - 1, '1s'],
  [m - 1, '59s'],
  [m, '1m'],
  [2 * m - 1, '1m'],
  [h - 1, '59m'],
  [h, '1h'],
  [2 * h - 1, '1h'],
  [d - 1, '23h'],
  [d, '1d'],
  [2 * d - 1, '1d'],
  [y - 1, '364d'],
  [y, '1y'],
  [2 * y - 1, '1y'],
  [2 * y, '2y'],
])('TestShortHumanDurationBoundaries %d ms → %s', (ms, want) => {
  expect(shortHumanDuration(ms)).toBe(want);
});

test('translateTimestampSince ages a timestamp against the virtual clock', () => {
  const now = Date.parse('2025-09-01T09:05:00Z');
  expect(translateTimestampSince('2025-09-01T09:00:00Z', now)).toBe('5m');
  expect(translateTimestampSince('2025-09-01T09:04:35Z', now)).toBe('25s');
});

test('a missing timestamp ages as <unknown>', () => {
  expect(translateTimestampSince(undefined, 0)).toBe('<unknown>');
  expect(translateTimestampSince(null, 0)).toBe('<unknown>');
  expect(translateTimestampSince('', 0)).toBe('<unknown>');
});
