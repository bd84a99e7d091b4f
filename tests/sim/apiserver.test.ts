import { createApiServer, clone } from '@/lib/sim/apiserver';
import { createVirtualClock } from '@/lib/sim/clock';
import { createRandom } from '@/lib/sim/random';
import { RESOURCE_TYPES } from '@/lib/sim/cluster';
import { ApiError } from '@/lib/sim/errors';
import type { Pod } from '@/lib/sim/types';

const pod = (name: string, extra: Partial<Pod['spec']> = {}): Pod => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'nginx', image: 'nginx' }], ...extra },
});

function setup() {
  const clock = createVirtualClock(Date.UTC(2025, 8, 15, 9));
  const api = createApiServer({ clock, random: createRandom(1), types: RESOURCE_TYPES.filter((t) => t.resource !== 'namespaces') });
  return { clock, api };
}

function apiError(fn: () => unknown): ApiError {
  try { fn(); } catch (e) { if (e instanceof ApiError) return e; throw e; }
  throw new Error('expected an ApiError');
}

describe('API server', () => {
  test('create assigns uid, creationTimestamp, generation and a growing resourceVersion', () => {
    const { api } = setup();
    const a = api.create('pods', pod('a'));
    const b = api.create('pods', pod('b'));
    expect(a.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.metadata.creationTimestamp).toBe('2025-09-15T09:00:00Z');
    expect(a.metadata.generation).toBe(1);
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
  });

  test('stored objects are read-only; writers work on copies', () => {
    const { api } = setup();
    const a = api.create('pods', pod('a'));
    expect(() => { (a.metadata as { name: string }).name = 'x'; }).toThrow(TypeError);
    const copy = clone(a);
    copy.metadata.labels = { app: 'web' };
    expect(api.get<Pod>('pods', 'default', 'a').metadata.labels).toBeUndefined();
  });

  test('errors carry the reason and message kubectl prints', () => {
    const { api } = setup();
    api.create('pods', pod('a'));
    expect(apiError(() => api.create('pods', pod('a'))).status).toMatchObject({ reason: 'AlreadyExists', code: 409, message: 'pods "a" already exists' });
    expect(apiError(() => api.get('pods', 'default', 'zz')).status).toMatchObject({ reason: 'NotFound', code: 404, message: 'pods "zz" not found' });
  });

  test('an update with a stale resourceVersion is a Conflict', () => {
    const { api } = setup();
    const a = api.create('pods', pod('a'));
    api.update('pods', { ...clone(a), metadata: { ...clone(a.metadata), labels: { x: '1' } } });
    const e = apiError(() => api.update('pods', { ...clone(a), metadata: { ...clone(a.metadata), labels: { x: '2' } } }));
    expect(e.status.reason).toBe('Conflict');
  });

  test('deleting a scheduled pod is graceful: deletionTimestamp = now + terminationGracePeriodSeconds', () => {
    const { api } = setup();
    api.create('pods', pod('a', { nodeName: 'node01' }));
    const t = api.delete<Pod>('pods', 'default', 'a');
    expect(t.metadata.deletionTimestamp).toBe('2025-09-15T09:00:30Z');
    expect(t.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(api.find('pods', 'default', 'a')).toBeDefined();
    api.delete('pods', 'default', 'a', { gracePeriodSeconds: 0 });
    expect(api.find('pods', 'default', 'a')).toBeUndefined();
  });

  test('an unscheduled pod is deleted at once (CheckGracefulDelete)', () => {
    const { api } = setup();
    api.create('pods', pod('a'));
    api.delete('pods', 'default', 'a');
    expect(api.find('pods', 'default', 'a')).toBeUndefined();
  });

  test('watchers hear ADDED, MODIFIED and DELETED', () => {
    const { api } = setup();
    const seen: string[] = [];
    api.watch('pods', (e) => seen.push(`${e.type} ${e.object.metadata.name}`));
    const a = api.create('pods', pod('a'));
    api.update('pods', { ...clone(a), metadata: { ...clone(a.metadata), annotations: { k: 'v' } } });
    api.delete('pods', 'default', 'a');
    expect(seen).toEqual(['ADDED a', 'MODIFIED a', 'DELETED a']);
  });

  test('binding sets nodeName and the PodScheduled condition', () => {
    const { api } = setup();
    api.create('pods', pod('a'));
    api.bindPod('default', 'a', 'node01');
    const p = api.get<Pod>('pods', 'default', 'a');
    expect(p.spec.nodeName).toBe('node01');
    expect(p.status?.conditions).toContainEqual(expect.objectContaining({ type: 'PodScheduled', status: 'True' }));
  });
});
