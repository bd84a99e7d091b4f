/**
 * The event recorders components use to report what they did.
 *
 * `record` is the legacy core/v1 recorder the kubelet uses. Models client-go tools/record events_cache.go
 * EventCorrelator (v1.34): an event repeated with the same source, object, type, reason and message bumps `count`
 * and `lastTimestamp` of the first one (eventLogger); once 10 events that differ only by message arrive within
 * 10 minutes, further ones are folded into one event `(combined from similar events): <message>` (EventAggregator).
 * The spam filter is not modelled: the kubelet configures it with its event QPS/burst (50/100), which a single
 * learner's pods never reach. Names are `<object>.<hex UnixNano>` (event.go makeEvent).
 *
 * `recordNew` is the events.k8s.io/v1 recorder the scheduler uses. Models client-go tools/events
 * event_broadcaster.go: the first event is created; an isomorphic one (same action, reason, controller, object and
 * note) turns it into a series with count 2 at once; later repeats only count in memory and reach the API when the
 * series is refreshed (every 30 minutes) or finished (6 minutes without a repeat). Read through core/v1 such events
 * have eventTime set, no first/last timestamps and no source.
 */
import type { ApiServer } from './apiserver';
import { clone } from './apiserver';
import type { VirtualClock } from './clock';
import type { Random } from './random';
import type { Event, KubeObject } from './types';
import { rfc3339 } from './time';

export interface EventSpec {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** `kubelet`, `default-scheduler`, ... */
  component: string;
  /** Node name, for kubelet events. */
  host?: string;
  /** `spec.containers{nginx}` for container events. */
  fieldPath?: string;
}

export interface EventRecorder {
  /** Records (or aggregates into) an event about `obj` in its namespace. */
  record(obj: KubeObject, e: EventSpec): void;
  /** Records an events.k8s.io/v1-style event (the scheduler's), with `action`. */
  recordNew(obj: KubeObject, e: EventSpec & { action: string; reportingInstance: string }): void;
}

const defaultAggregateMaxEvents = 10;
const defaultAggregateIntervalMs = 600_000;
const seriesRefreshMs = 30 * 60_000;
const seriesFinishMs = 6 * 60_000;

/** Creates the recorders, writing Event objects through the API server. */
export function createEventRecorder(api: ApiServer, clock: VirtualClock, random: Random): EventRecorder {
  const logged = new Map<string, string>(); // event key → name of the event that counts it
  const aggregates = new Map<string, { messages: Set<string>; last: number }>();
  const series = new Map<string, { name: string; namespace: string; count: number; lastObserved: number; dirty: boolean }>();
  const involved = (obj: KubeObject, fieldPath?: string) => ({
    apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name, namespace: obj.metadata.namespace,
    uid: obj.metadata.uid, resourceVersion: obj.metadata.resourceVersion, ...(fieldPath ? { fieldPath } : {}),
  });
  // Names carry the creation time in hex nanoseconds; keep them strictly increasing so that events written at one
  // simulated instant list (and describe) in the order they happened.
  let lastNanos = 0n;
  const nameFor = (obj: KubeObject) => {
    let nanos = BigInt(clock.now()) * 1_000_000n + BigInt(random.int(1_000));
    if (nanos <= lastNanos) nanos = lastNanos + 1n;
    lastNanos = nanos;
    return `${obj.metadata.name}.${nanos.toString(16)}`;
  };
  const namespaceOf = (obj: KubeObject) => obj.metadata.namespace ?? 'default';
  const microTime = (ms: number) => `${rfc3339(ms).slice(0, -1)}.${String((ms % 1000) * 1000 + random.int(1000)).padStart(6, '0')}Z`;

  // eventObserve patches count, lastTimestamp and message (its patch base has an empty message), so an aggregate
  // event shows the latest combined message.
  function bump(ns: string, name: string, message: string): boolean {
    const current = api.find<Event>('events', ns, name);
    if (!current) return false;
    const ev = clone(current);
    ev.count = (ev.count ?? 1) + 1;
    ev.message = message;
    ev.lastTimestamp = rfc3339(clock.now());
    api.update('events', ev);
    return true;
  }

  function writeSeries(key: string, finish: boolean) {
    const s = series.get(key)!;
    if (s.dirty) {
      const current = api.find<Event>('events', s.namespace, s.name);
      if (current) api.update('events', { ...clone(current), series: { count: s.count, lastObservedTime: microTime(s.lastObserved) } } as Event);
      s.dirty = false;
    }
    if (finish) series.delete(key);
  }
  clock.every(seriesRefreshMs, () => { for (const key of [...series.keys()]) writeSeries(key, false); });
  clock.every(seriesFinishMs, () => {
    for (const [key, s] of [...series]) if (clock.now() - s.lastObserved >= seriesFinishMs) writeSeries(key, true);
  });

  return {
    record(obj, e) {
      const ns = namespaceOf(obj);
      const now = clock.now();
      const objKey = [e.component, e.host ?? '', obj.kind, ns, obj.metadata.name, obj.metadata.uid, obj.apiVersion, e.type, e.reason, e.component, e.host ?? ''].join('\u0000');
      // EventAggregator: count distinct messages for (source, object, type, reason) within the interval.
      let agg = aggregates.get(objKey);
      if (!agg || now - agg.last > defaultAggregateIntervalMs) agg = { messages: new Set(), last: now };
      agg.messages.add(e.message);
      agg.last = now;
      aggregates.set(objKey, agg);
      let message = e.message;
      let key = [e.component, e.host ?? '', obj.kind, ns, obj.metadata.name, e.fieldPath ?? '', obj.metadata.uid, obj.apiVersion, e.type, e.reason, e.message].join('\u0000');
      if (agg.messages.size >= defaultAggregateMaxEvents) {
        agg.messages.delete(agg.messages.values().next().value!); // do not grow the set past the maximum
        message = `(combined from similar events): ${e.message}`;
        key = objKey;
      }
      const existing = logged.get(key);
      if (existing && bump(ns, existing, message)) return;
      const name = nameFor(obj);
      logged.set(key, name);
      const ts = rfc3339(now);
      api.create<Event>('events', {
        apiVersion: 'v1', kind: 'Event',
        metadata: { name, namespace: ns },
        involvedObject: involved(obj, e.fieldPath),
        reason: e.reason, message,
        source: { component: e.component, ...(e.host ? { host: e.host } : {}) },
        firstTimestamp: ts, lastTimestamp: ts, count: 1, type: e.type,
        eventTime: null, reportingComponent: e.component, reportingInstance: e.host ?? '',
      });
    },
    recordNew(obj, e) {
      const ns = namespaceOf(obj);
      const key = [e.action, e.reason, e.component, obj.kind, ns, obj.metadata.name, obj.metadata.uid, obj.apiVersion, e.fieldPath ?? '', e.message].join('\u0000');
      const s = series.get(key);
      if (s) {
        s.count++;
        s.lastObserved = clock.now();
        s.dirty = true;
        // The first repeat turns the event into a series right away; later ones wait for the refresh.
        if (s.count === 2) writeSeries(key, false);
        return;
      }
      const name = nameFor(obj);
      series.set(key, { name, namespace: ns, count: 1, lastObserved: clock.now(), dirty: false });
      api.create<Event>('events', {
        apiVersion: 'v1', kind: 'Event',
        metadata: { name, namespace: ns },
        involvedObject: involved(obj, e.fieldPath),
        reason: e.reason, message: e.message, source: {},
        firstTimestamp: null, lastTimestamp: null, type: e.type, action: e.action,
        eventTime: microTime(clock.now()),
        reportingComponent: e.component, reportingInstance: e.reportingInstance,
      });
    },
  };
}
