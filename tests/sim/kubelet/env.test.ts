import { expand, fromServices, makeEnvironmentVariables, mappingFor } from '@/lib/sim/kubelet/env';
import type { Pod, Service } from '@/lib/sim/types';

// third_party/forked/golang/expansion/expand_test.go doExpansionTest, run with TestMapping's and TestMappingDual's maps.
const cases: Array<[string, string, string]> = [
  ['whole string', '$(VAR_A)', 'A'],
  ['repeat', '$(VAR_A)-$(VAR_A)', 'A-A'],
  ['beginning', '$(VAR_A)-1', 'A-1'],
  ['middle', '___$(VAR_B)___', '___B___'],
  ['end', '___$(VAR_C)', '___C'],
  ['compound', '$(VAR_A)_$(VAR_B)_$(VAR_C)', 'A_B_C'],
  ['escape & expand', '$$(VAR_B)_$(VAR_A)', '$(VAR_B)_A'],
  ['compound escape', '$$(VAR_A)_$$(VAR_B)', '$(VAR_A)_$(VAR_B)'],
  ['mixed in escapes', 'f000-$$VAR_A', 'f000-$VAR_A'],
  ['backslash escape ignored', 'foo\\$(VAR_C)bar', 'foo\\Cbar'],
  ['backslash escape ignored (2)', 'foo\\\\$(VAR_C)bar', 'foo\\\\Cbar'],
  ['lots of backslashes', 'foo\\\\\\\\$(VAR_A)bar', 'foo\\\\\\\\Abar'],
  ['nested var references', '$(VAR_A$(VAR_B))', '$(VAR_A$(VAR_B))'],
  ['nested var references second type', '$(VAR_A$(VAR_B)', '$(VAR_A$(VAR_B)'],
  ['value is a reference', '$(VAR_REF)', '$(VAR_A)'],
  ['value is a reference x 2', '%%$(VAR_REF)--$(VAR_REF)%%', '%%$(VAR_A)--$(VAR_A)%%'],
  ['empty var', 'foo$(VAR_EMPTY)bar', 'foobar'],
  ['unterminated expression', 'foo$(VAR_Awhoops!', 'foo$(VAR_Awhoops!'],
  ['expression without operator', 'f00__(VAR_A)__', 'f00__(VAR_A)__'],
  ['shell special vars pass through', '$?_boo_$!', '$?_boo_$!'],
  ['bare operators are ignored', '$VAR_A', '$VAR_A'],
  ['undefined vars are passed through', '$(VAR_DNE)', '$(VAR_DNE)'],
  ['multiple (even) operators, var undefined', '$$$$$$(BIG_MONEY)', '$$$(BIG_MONEY)'],
  ['multiple (even) operators, var defined', '$$$$$$(VAR_A)', '$$$(VAR_A)'],
  ['multiple (odd) operators, var undefined', '$$$$$$$(GOOD_ODDS)', '$$$$(GOOD_ODDS)'],
  ['multiple (odd) operators, var defined', '$$$$$$$(VAR_A)', '$$$A'],
  ['missing open expression', '$VAR_A)', '$VAR_A)'],
  ['shell syntax ignored', '${VAR_A}', '${VAR_A}'],
  ['trailing incomplete expression not consumed', '$(VAR_B)_______$(A', 'B_______$(A'],
  ['trailing incomplete expression, no content, is not consumed', '$(VAR_C)_______$(', 'C_______$('],
  ['operator at end of input string is preserved', '$(VAR_A)foobarzab$', 'Afoobarzab$'],
  ['shell escaped incomplete expr', 'foo-\\$(VAR_A', 'foo-\\$(VAR_A'],
  ['lots of $( in middle', '--$($($($($--', '--$($($($($--'],
  ['lots of $( in beginning', '$($($($($--foo$(', '$($($($($--foo$('],
  ['lots of $( at end', 'foo0--$($($($(', 'foo0--$($($($('],
  ['escaped operators in variable names are not escaped', '$(foo$$var)', '$(foo$$var)'],
  ['newline not expanded', '\n', '\n'],
];
const single = mappingFor(new Map(Object.entries({ VAR_A: 'A', VAR_B: 'B', VAR_C: 'C', VAR_REF: '$(VAR_A)', VAR_EMPTY: '' })));
const dual = mappingFor(new Map(Object.entries({ VAR_A: 'A', VAR_EMPTY: '' })), new Map(Object.entries({ VAR_B: 'B', VAR_C: 'C', VAR_REF: '$(VAR_A)' })));
test.each(cases)('Expand: %s', (_name, input, expected) => {
  expect(expand(input, single)).toBe(expected);
  expect(expand(input, dual)).toBe(expected);
});

const svc = (name: string, clusterIP: string, ports: Array<{ name?: string; port: number; protocol: string }>): Service =>
  ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { clusterIP, ports } });

test('envvars_test.go TestFromServices', () => {
  const vars = fromServices([
    svc('foo-bar', '1.2.3.4', [{ port: 8080, protocol: 'TCP' }]),
    svc('abc-123', '5.6.7.8', [{ name: 'u-d-p', port: 8081, protocol: 'UDP' }, { name: 't-c-p', port: 8081, protocol: 'TCP' }]),
    svc('q-u-u-x', '9.8.7.6', [{ port: 8082, protocol: 'TCP' }, { name: '8083', port: 8083, protocol: 'TCP' }]),
    svc('svrc-clusterip-none', 'None', [{ port: 8082, protocol: 'TCP' }]),
    svc('svrc-clusterip-empty', '', [{ port: 8082, protocol: 'TCP' }]),
    svc('super-ipv6', '2001:DB8::', [{ name: 'u-d-p', port: 8084, protocol: 'UDP' }, { name: 't-c-p', port: 8084, protocol: 'TCP' }]),
    svc('sctp-1', '1.2.3.4', [{ port: 777, protocol: 'SCTP' }]),
  ]);
  expect(vars.map((v) => `${v.name}=${v.value}`)).toEqual([
    'FOO_BAR_SERVICE_HOST=1.2.3.4', 'FOO_BAR_SERVICE_PORT=8080', 'FOO_BAR_PORT=tcp://1.2.3.4:8080', 'FOO_BAR_PORT_8080_TCP=tcp://1.2.3.4:8080',
    'FOO_BAR_PORT_8080_TCP_PROTO=tcp', 'FOO_BAR_PORT_8080_TCP_PORT=8080', 'FOO_BAR_PORT_8080_TCP_ADDR=1.2.3.4',
    'ABC_123_SERVICE_HOST=5.6.7.8', 'ABC_123_SERVICE_PORT=8081', 'ABC_123_SERVICE_PORT_U_D_P=8081', 'ABC_123_SERVICE_PORT_T_C_P=8081',
    'ABC_123_PORT=udp://5.6.7.8:8081', 'ABC_123_PORT_8081_UDP=udp://5.6.7.8:8081', 'ABC_123_PORT_8081_UDP_PROTO=udp',
    'ABC_123_PORT_8081_UDP_PORT=8081', 'ABC_123_PORT_8081_UDP_ADDR=5.6.7.8', 'ABC_123_PORT_8081_TCP=tcp://5.6.7.8:8081',
    'ABC_123_PORT_8081_TCP_PROTO=tcp', 'ABC_123_PORT_8081_TCP_PORT=8081', 'ABC_123_PORT_8081_TCP_ADDR=5.6.7.8',
    'Q_U_U_X_SERVICE_HOST=9.8.7.6', 'Q_U_U_X_SERVICE_PORT=8082', 'Q_U_U_X_SERVICE_PORT_8083=8083', 'Q_U_U_X_PORT=tcp://9.8.7.6:8082',
    'Q_U_U_X_PORT_8082_TCP=tcp://9.8.7.6:8082', 'Q_U_U_X_PORT_8082_TCP_PROTO=tcp', 'Q_U_U_X_PORT_8082_TCP_PORT=8082', 'Q_U_U_X_PORT_8082_TCP_ADDR=9.8.7.6',
    'Q_U_U_X_PORT_8083_TCP=tcp://9.8.7.6:8083', 'Q_U_U_X_PORT_8083_TCP_PROTO=tcp', 'Q_U_U_X_PORT_8083_TCP_PORT=8083', 'Q_U_U_X_PORT_8083_TCP_ADDR=9.8.7.6',
    'SUPER_IPV6_SERVICE_HOST=2001:DB8::', 'SUPER_IPV6_SERVICE_PORT=8084', 'SUPER_IPV6_SERVICE_PORT_U_D_P=8084', 'SUPER_IPV6_SERVICE_PORT_T_C_P=8084',
    'SUPER_IPV6_PORT=udp://[2001:DB8::]:8084', 'SUPER_IPV6_PORT_8084_UDP=udp://[2001:DB8::]:8084', 'SUPER_IPV6_PORT_8084_UDP_PROTO=udp',
    'SUPER_IPV6_PORT_8084_UDP_PORT=8084', 'SUPER_IPV6_PORT_8084_UDP_ADDR=2001:DB8::', 'SUPER_IPV6_PORT_8084_TCP=tcp://[2001:DB8::]:8084',
    'SUPER_IPV6_PORT_8084_TCP_PROTO=tcp', 'SUPER_IPV6_PORT_8084_TCP_PORT=8084', 'SUPER_IPV6_PORT_8084_TCP_ADDR=2001:DB8::',
    'SCTP_1_SERVICE_HOST=1.2.3.4', 'SCTP_1_SERVICE_PORT=777', 'SCTP_1_PORT=sctp://1.2.3.4:777', 'SCTP_1_PORT_777_SCTP=sctp://1.2.3.4:777',
    'SCTP_1_PORT_777_SCTP_PROTO=sctp', 'SCTP_1_PORT_777_SCTP_PORT=777', 'SCTP_1_PORT_777_SCTP_ADDR=1.2.3.4',
  ]);
});

test('a container gets its own env (expanded, downward API), then the kubernetes service links', () => {
  const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop', uid: 'u1' }, spec: { containers: [], nodeName: 'node01', enableServiceLinks: false } };
  const env = makeEnvironmentVariables(pod, {
    name: 'c',
    env: [{ name: 'GREETING', value: 'hello' }, { name: 'MSG', value: '$(GREETING) from $(MY_POD)' }, { name: 'MY_POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }],
  }, [svc('kubernetes', '10.96.0.1', [{ name: 'https', port: 443, protocol: 'TCP' }]), { ...svc('db', '10.96.7.7', [{ port: 5432, protocol: 'TCP' }]), metadata: { name: 'db', namespace: 'shop' } }], '10.244.1.9', '172.30.2.2');
  expect(env.slice(0, 4).map((v) => `${v.name}=${v.value}`)).toEqual(['GREETING=hello', 'MSG=hello from $(MY_POD)', 'MY_POD=web', 'IP=10.244.1.9']);
  expect(env.map((v) => v.name)).toContain('KUBERNETES_SERVICE_HOST');
  expect(env.map((v) => v.name)).not.toContain('DB_SERVICE_HOST'); // enableServiceLinks: false
});
