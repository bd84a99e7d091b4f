/**
 * toYaml against the real thing. Each fixtures/NAME.go.yaml was produced from fixtures/NAME.json by
 * ghodss/yaml.JSONToYAML over gopkg.in/yaml.v2 (Debian bookworm's golang-gopkg-yaml.v2-dev), the same
 * JSON → yaml.v2 path sigs.k8s.io/yaml.Marshal takes inside `kubectl get -o yaml`.
 * (Keys like "10", "1key", "9" are left out on purpose: yaml.v2's key order is not transitive for them and Go
 * sorts map keys from a random start, so real kubectl has no fixed order there either.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toYaml } from '@/lib/kubectl/printers/yaml';

const fixture = (name: string, ext: string) => readFileSync(join(__dirname, 'fixtures', `${name}.${ext}`), 'utf8');

test.each(['pod', 'scalars'])('%s.json prints exactly as go-yaml prints it', (name) => {
  expect(toYaml(JSON.parse(fixture(name, 'json')))).toBe(fixture(name, 'go.yaml'));
});
