import { createVirtualClock } from '@/lib/sim/clock';
import { createRandom } from '@/lib/sim/random';

describe('virtual clock', () => {
  test('timers run in time order, ties in the order they were scheduled', () => {
    const c = createVirtualClock(0);
    const seen: string[] = [];
    c.after(20, () => seen.push('b'));
    c.after(10, () => seen.push('a1'));
    c.after(10, () => seen.push('a2'));
    c.advance(15);
    expect(seen).toEqual(['a1', 'a2']);
    expect(c.now()).toBe(15);
    c.advance(5);
    expect(seen).toEqual(['a1', 'a2', 'b']);
  });

  test('a timer sees the clock at its own due time, not at the end of the advance', () => {
    const c = createVirtualClock(1000);
    let at = 0;
    c.after(250, () => { at = c.now(); });
    c.advance(10_000);
    expect(at).toBe(1250);
    expect(c.now()).toBe(11_000);
  });

  test('periodic timers are background work: runUntilQuiet does not wait for them', () => {
    const c = createVirtualClock(0);
    let ticks = 0;
    c.every(10_000, () => { ticks++; });
    let done = false;
    c.after(25_000, () => { done = true; });
    const passed = c.runUntilQuiet(3_600_000);
    expect(done).toBe(true);
    expect(passed).toBe(25_000);
    expect(ticks).toBe(2);
  });

  test('advanceUntil stops at the instant the condition holds', () => {
    const c = createVirtualClock(0);
    let x = 0;
    c.after(3000, () => { x = 1; });
    c.after(9000, () => { x = 2; });
    expect(c.advanceUntil(() => x === 1, 60_000)).toBe(true);
    expect(c.now()).toBe(3000);
    expect(c.advanceUntil(() => x === 5, 1000)).toBe(false);
    expect(c.now()).toBe(4000);
  });

  test('a cancelled timer never runs and does not count as pending', () => {
    const c = createVirtualClock(0);
    let ran = false;
    const t = c.after(5, () => { ran = true; });
    expect(c.pendingFinite()).toBe(1);
    t.cancel();
    expect(c.pendingFinite()).toBe(0);
    c.advance(10);
    expect(ran).toBe(false);
  });
});

describe('seeded random source', () => {
  test('the same seed gives the same sequence; another seed another', () => {
    const seq = (seed: number) => { const r = createRandom(seed); return [r.hex(16), r.uuid(), r.int(1000)]; };
    expect(seq(7)).toEqual(seq(7));
    expect(seq(7)).not.toEqual(seq(8));
  });

  test('uuids are RFC 4122 version 4', () => {
    const r = createRandom(3);
    for (let i = 0; i < 50; i++) expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
