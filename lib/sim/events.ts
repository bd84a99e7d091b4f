/**
 * The event recorder components use to report what they did.
 * Models client-go tools/record (legacy core/v1 events, as the kubelet writes them): an event per
 * (source, object, type, reason, message), repeats bump `count` and `lastTimestamp` (events_cache.go eventLogger),
 * named `<object>.<hex UnixNano>` (event.go makeEvent). The scheduler writes through events.k8s.io/v1, whose events
 * read back in core/v1 with eventTime set, no first/last timestamps and no source (`recordNew`).
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

/** Creates a recorder writing Event objects through the API server. */
export function createEventRecorder(api: ApiServer, clock: VirtualClock, random: Random): EventRecorder {
  const seen = new Map<string, string>(); // aggregation key → event name
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

  return {
    record(obj, e) {
      const ns = namespaceOf(obj);
      const key = [e.component, e.host ?? '', obj.kind, ns, obj.metadata.name, e.fieldPath ?? '', obj.metadata.uid, e.type, e.reason, e.message].join('\u0000');
      const now = rfc3339(clock.now());
      const existing = seen.get(key);
      const current = existing ? api.find<Event>('events', ns, existing) : undefined;
      if (current) {
        const ev = clone(current);
        ev.count = (ev.count ?? 1) + 1;
        ev.lastTimestamp = now;
        api.update('events', ev);
        return;
      }
      const name = nameFor(obj);
      seen.set(key, name);
      const ev: Event = {
        apiVersion: 'v1', kind: 'Event',
        metadata: { name, namespace: ns },
        involvedObject: involved(obj, e.fieldPath),
        reason: e.reason, message: e.message,
        source: { component: e.component, ...(e.host ? { host: e.host } : {}) },
        firstTimestamp: now, lastTimestamp: now, count: 1, type: e.type,
        eventTime: null, reportingComponent: e.component, reportingInstance: e.host ?? '',
      };
      api.create('events', ev);
    },
    recordNew(obj, e) {
      const ns = namespaceOf(obj);
      const micros = String(random.int(1_000_000)).padStart(6, '0');
      const ev: Event = {
        apiVersion: 'v1', kind: 'Event',
        metadata: { name: nameFor(obj), namespace: ns },
        involvedObject: involved(obj, e.fieldPath),
        reason: e.reason, message: e.message, source: {},
        firstTimestamp: null, lastTimestamp: null, type: e.type, action: e.action,
        eventTime: rfc3339(clock.now()).replace('Z', `.${micros}Z`),
        reportingComponent: e.component, reportingInstance: e.reportingInstance,
      };
      api.create('events', ev);
    },
  };
}
