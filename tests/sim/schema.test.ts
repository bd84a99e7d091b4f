/**
 * The API schema (lib/sim/schema): the typed, strict decode of request bodies, checked against the notes' and the
 * lessons' manifests (all must decode cleanly) and against encoding/json's and sigs.k8s.io/json's wording.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { CORE_V1, PRIMITIVES, parseType } from '@/lib/sim/schema';
import { decodeObject, strictDecodingError } from '@/lib/sim/schema/decode';
import { DESCRIPTIONS } from '@/lib/sim/schema/descriptions';
import { ApiError } from '@/lib/sim/errors';

const pod = (spec: unknown, extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec, ...extra });
const decodeMessage = (kind: string, obj: unknown): string => {
  try { decodeObject(kind, obj); } catch (e) { return (e as ApiError).status.message; }
  return 'no error';
};

/** Every manifest in the notes (code blocks with apiVersion and kind) and in the lessons' MDX. */
function manifests(): { where: string; obj: Record<string, unknown> }[] {
  const sources = [path.join(__dirname, '../../../shared/notes/pod-notes.zh.md')];
  const lessons = path.join(__dirname, '../../content/lessons');
  for (const d of fs.readdirSync(lessons)) for (const f of fs.readdirSync(path.join(lessons, d))) if (f.endsWith('.mdx')) sources.push(path.join(lessons, d, f));
  const out: { where: string; obj: Record<string, unknown> }[] = [];
  for (const file of sources) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)) {
      if (!/^apiVersion:/m.test(m[1]) || !/^kind:/m.test(m[1])) continue;
      // A here-document (`kubectl apply -f - <<EOF`) holds the manifest between its first and last lines.
      const yaml = /<<'?EOF'?\n([\s\S]*?)^EOF$/m.exec(m[1])?.[1] ?? m[1];
      for (const doc of parseAllDocuments(yaml)) {
        const obj = doc.toJSON() as Record<string, unknown> | null;
        if (obj && typeof obj === 'object') out.push({ where: `${path.basename(file)}: ${String((obj.metadata as { name?: string })?.name)}`, obj });
      }
    }
  }
  return out;
}

describe('schema data', () => {
  test('every field type parses and every struct it names exists', () => {
    for (const [name, t] of Object.entries(CORE_V1)) {
      for (const [f, ft] of Object.entries(t.fields)) expect(() => parseType(ft)).not.toThrow(`${name}.${f}`);
      for (const r of t.required ?? []) expect(t.fields).toHaveProperty(r);
      for (const e of Object.keys(t.enums ?? {})) expect(t.fields[e]).toBe('string');
    }
  });

  test('v1.34 fields are there and later ones are not', () => {
    expect(CORE_V1.Container.fields.restartPolicyRules).toBe('[]ContainerRestartRule');
    expect(CORE_V1.Lifecycle.fields.stopSignal).toBe('string');
    expect(CORE_V1.PodSpec.fields).not.toHaveProperty('schedulingGroup');
    expect(CORE_V1.PodStatus.fields).not.toHaveProperty('allocatedResources');
    expect(CORE_V1.Probe.fields.terminationGracePeriodSeconds).toBe('int64');
    expect(CORE_V1.Probe.fields.periodSeconds).toBe('int32');
    expect(CORE_V1.HTTPGetAction.required).toEqual(['port']);
    expect(CORE_V1.Container.enums?.imagePullPolicy).toEqual(['Always', 'IfNotPresent', 'Never']);
  });

  test('descriptions name only real types and fields, one paragraph each', () => {
    for (const [t, fields] of Object.entries(DESCRIPTIONS)) {
      if ((PRIMITIVES as readonly string[]).includes(t)) { expect(Object.keys(fields)).toEqual(['']); continue; }
      expect(CORE_V1).toHaveProperty([t]);
      for (const [f, d] of Object.entries(fields)) {
        if (f) expect(CORE_V1[t].fields).toHaveProperty([f]);
        expect(d).not.toMatch(/\n/);
        expect(d.length).toBeGreaterThan(10);
      }
    }
    // The course's types are fully described.
    for (const t of ['Pod', 'PodSpec', 'Container', 'Probe', 'HTTPGetAction', 'ResourceRequirements', 'Lifecycle', 'ObjectMeta', 'Service', 'ServiceSpec']) {
      for (const f of ['', ...Object.keys(CORE_V1[t].fields)]) expect(DESCRIPTIONS[t]?.[f]).toBeDefined();
    }
  });
});

describe('the notes and the lessons decode strictly', () => {
  const all = manifests();
  test('there are manifests to check', () => expect(all.length).toBeGreaterThanOrEqual(8));
  test.each(all.map((m) => [m.where, m.obj] as const))('%s', (_where, obj) => {
    expect(decodeObject(String(obj.kind), structuredClone(obj))).toEqual([]);
  });
});

describe('typed decode: encoding/json wording, first error in sorted-key order', () => {
  test.each([
    [{ containers: [{ name: 123, image: 'nginx' }] }, 'json: cannot unmarshal number into Go struct field Container.spec.containers.name of type string'],
    [{ containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: '80' }] }] }, 'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32'],
    [{ containers: [{ name: 'c', image: 'nginx', command: 'sleep 10' }] }, 'json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string'],
    [{ containers: [{ name: 'c', image: 'nginx' }], terminationGracePeriodSeconds: 'thirty' }, 'json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64'],
    [{ containers: [{ name: 'c', livenessProbe: { periodSeconds: 1.5 } }] }, 'json: cannot unmarshal number 1.5 into Go struct field Probe.spec.containers.livenessProbe.periodSeconds of type int32'],
    [{ containers: [{ name: 'c', livenessProbe: { periodSeconds: 2 ** 31 } }] }, 'json: cannot unmarshal number 2147483648 into Go struct field Probe.spec.containers.livenessProbe.periodSeconds of type int32'],
    [{ containers: [{ name: 'c', livenessProbe: { httpGet: { port: true } } }] }, 'json: cannot unmarshal bool into Go value of type int32'],
    [{ containers: [{ name: 'c', livenessProbe: 'yes' }] }, 'json: cannot unmarshal string into Go struct field Container.spec.containers.livenessProbe of type v1.Probe'],
    [{ containers: [{ name: 'c', resources: { limits: { memory: '1Gb' } } }] }, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    [{ containers: { name: 'c' } }, 'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container'],
    // Sorted keys: containers before restartPolicy, so the container's error is the one reported.
    [{ restartPolicy: 1, containers: [{ name: 2 }] }, 'json: cannot unmarshal number into Go struct field Container.spec.containers.name of type string'],
  ])('%j', (spec, message) => {
    expect(decodeMessage('Pod', pod(spec))).toBe(`Pod in version "v1" cannot be handled as a Pod: ${message}`);
  });

  test('labels must be strings; metadata is typed too', () => {
    expect(decodeMessage('Pod', { ...pod({ containers: [] }), metadata: { name: 'p', labels: { tier: 1 } } }))
      .toBe('Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string');
  });

  test('null decodes to the zero value; IntOrString takes names and numbers', () => {
    expect(decodeMessage('Pod', pod({ containers: [{ name: 'c', image: null, livenessProbe: { httpGet: { port: 'http' } }, readinessProbe: { tcpSocket: { port: 80 } } }] }))).toBe('no error');
  });
});

describe('unknown fields (sigs.k8s.io/json paths, removed from the body)', () => {
  test('paths carry list indices; top-level fields have no prefix', () => {
    const obj = { ...pod({ containers: [{ name: 'a' }, { name: 'b', imagee: 'x', livenessProbe: { exec: { command: [] }, periodSecond: 5 } }], restartpolicy: 'Never' }), restartPolicy: 'Never', metadata: { name: 'p', lables: {} } };
    expect(decodeObject('Pod', obj)).toEqual(['metadata.lables', 'restartPolicy', 'spec.containers[1].imagee', 'spec.containers[1].livenessProbe.periodSecond', 'spec.restartpolicy']);
    expect(JSON.stringify(obj)).not.toMatch(/imagee|lables|periodSecond|restartpolicy/);
  });

  test('the strict error joins them with ", " (runtime.NewStrictDecodingError)', () => {
    expect(strictDecodingError('Pod', ['spec.foo', 'spec.bar']).status.message)
      .toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.foo", unknown field "spec.bar"');
  });

  test('Services are checked too', () => {
    expect(decodeObject('Service', { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: { app: 'x' }, ports: [{ port: 80, targetport: 8080 }] } }))
      .toEqual(['spec.ports[0].targetport']);
  });
});
