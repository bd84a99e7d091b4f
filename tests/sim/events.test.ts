import { createApiServer } from '@/lib/sim/apiserver';
import { createVirtualClock } from '@/lib/sim/clock';
import { createRandom } from '@/lib/sim/random';
import { RESOURCE_TYPES } from '@/lib/sim/cluster';
import { createEventRecorder } from '@/lib/sim/events';
import type { Event, Pod } from '@/lib/sim/types';

function setup() {
  const clock = createVirtualClock(Date.UTC(2025, 8, 15, 9));
  const random = createRandom(1);
  const api = createApiServer({ clock, random, types: RESOURCE_TYPES.filter((t) => t.resource !== 'namespaces') });
  const rec = createEventRecorder(api, clock, random);
  const pod = api.create<Pod>('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'a', image: 'x' }] } });
  const list = () => api.list<Event>('events', 'default');
  return { clock, api, rec, pod, list };
}

const kubelet = { component: 'kubelet', host: 'node01', type: 'Warning' as const, reason: 'Unhealthy', fieldPath: 'spec.containers{a}' };

describe('event correlator (client-go events_cache.go)', () => {
  test('an identical event bumps count and lastTimestamp of the first one', () => {
    const { clock, rec, pod, list } = setup();
    rec.record(pod, { ...kubelet, message: 'Liveness probe failed: HTTP probe failed with statuscode: 404' });
    clock.advance(10_000);
    rec.record(pod, { ...kubelet, message: 'Liveness probe failed: HTTP probe failed with statuscode: 404' });
    expect(list()).toHaveLength(1);
    expect(list()[0]).toMatchObject({ count: 2, firstTimestamp: '2025-09-15T09:00:00Z', lastTimestamp: '2025-09-15T09:00:10Z' });
  });

  test('the tenth distinct message within 10 minutes is folded into "(combined from similar events)"', () => {
    const { clock, rec, pod, list } = setup();
    for (let i = 0; i < 12; i++) {
      rec.record(pod, { ...kubelet, message: `Liveness probe failed: attempt ${i}` });
      clock.advance(1000);
    }
    const msgs = list().map((e) => `${e.message} x${e.count}`);
    expect(msgs).toHaveLength(10);
    expect(msgs.slice(0, 9)).toEqual(Array.from({ length: 9 }, (_, i) => `Liveness probe failed: attempt ${i} x1`));
    expect(msgs[9]).toBe('(combined from similar events): Liveness probe failed: attempt 11 x3');
  });

  test('after 10 quiet minutes the aggregation starts afresh', () => {
    const { clock, rec, pod, list } = setup();
    for (let i = 0; i < 9; i++) rec.record(pod, { ...kubelet, message: `m${i}` });
    clock.advance(601_000);
    rec.record(pod, { ...kubelet, message: 'm9' });
    expect(list().map((e) => e.message)).toContain('m9');
  });
});

describe('events.k8s.io series (client-go tools/events)', () => {
  const sched = { component: 'default-scheduler', reportingInstance: 'default-scheduler-controlplane', action: 'Scheduling', type: 'Warning' as const, reason: 'FailedScheduling', message: '0/3 nodes are available' };
  test('the first repeat becomes a series of 2 at once; later repeats reach the API at the 30-minute refresh', () => {
    const { clock, rec, pod, list } = setup();
    rec.recordNew(pod, sched);
    expect(list()[0]).toMatchObject({ firstTimestamp: null, lastTimestamp: null, source: {}, action: 'Scheduling' });
    clock.advance(10_000);
    rec.recordNew(pod, sched);
    expect((list()[0] as Event & { series?: { count: number } }).series?.count).toBe(2);
    for (let i = 0; i < 5; i++) { clock.advance(60_000); rec.recordNew(pod, sched); }
    expect((list()[0] as Event & { series?: { count: number } }).series?.count).toBe(2);
    clock.advance(30 * 60_000);
    expect((list()[0] as Event & { series?: { count: number } }).series?.count).toBe(7);
    expect(list()).toHaveLength(1);
  });
});
