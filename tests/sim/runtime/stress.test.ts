import { DEFAULT_VM_BYTES, parseBytes, parseStress } from '@/lib/sim/runtime/stress';
import { boot } from './boot';

const notes = { command: ['/usr/bin/stress-ng', '-m 1', '-c 1', '--metrics-brief'] };
const Mi = 1024 * 1024;
const sixCores = { node: { cpuMilli: 6000, memoryBytes: 16 * 1024 ** 3 } };

describe('stress-ng option parsing', () => {
  test.each([
    [['-m 1', '-c 1', '--metrics-brief'], { vm: 1, cpu: 1, metricsBrief: true }],
    [['-m', '2', '-c', '3'], { vm: 2, cpu: 3 }],
    [['-m2', '-c1'], { vm: 2, cpu: 1 }],
    [['--vm', '1', '--vm-bytes', '512M', '--cpu', '2', '--timeout', '60s'], { vm: 1, vmBytes: 512 * Mi, cpu: 2, timeoutS: 60 }],
    [['--vm-bytes=1g', '--vm', '1', '-t', '2m'], { vm: 1, vmBytes: 1024 * Mi, timeoutS: 120 }],
    [['-c', '0'], { cpu: 4 }],
  ])('%j', (args, expected) => {
    expect(parseStress(['stress-ng', ...args], 4, 8 * 1024 ** 3)).toMatchObject(expected);
  });

  test('a long option and its value in one word is not an option (getopt_long)', () => {
    expect(parseStress(['stress-ng', '--vm 1'], 4, 0)).toBe('stress-ng: unrecognized option: --vm 1');
  });

  test('sizes follow get_uint64_byte: k/m/g are powers of 1024, % is of the node memory', () => {
    expect(parseBytes('256M', 0)).toBe(DEFAULT_VM_BYTES);
    expect(parseBytes('10%', 1000)).toBe(100);
    expect(parseBytes('4096', 0)).toBe(4096);
  });
});

describe("the notes' stress-demo pod", () => {
  test('logs the dispatch lines and uses two CPUs and ~262Mi once the vm worker has touched its memory', () => {
    const { clock, p } = boot('ikubernetes/stress-ng', notes, sixCores);
    expect(p.logs()).toBe('stress-ng: info:  [1] defaulting to a 86400 second (1 day, 0.00 secs) run per stressor\nstress-ng: info:  [1] dispatching hogs: 1 cpu, 1 vm\n');
    clock.advance(500);
    expect(p.usage().memoryBytes / Mi).toBeGreaterThan(120);
    expect(p.usage().memoryBytes / Mi).toBeLessThan(140);
    clock.advance(10_000);
    const u = p.usage();
    expect(u.cpuMilli).toBe(2000);
    expect(Math.round(u.memoryBytes / Mi)).toBeGreaterThanOrEqual(260);
    expect(Math.round(u.memoryBytes / Mi)).toBeLessThanOrEqual(264);
    expect(u.throttledMs).toBe(0);
  });

  test('`kubectl exec stress-demo -- top` shows the two workers at ~17% each of six cores, the vm worker at 262m VSZ', () => {
    const { clock, p } = boot('ikubernetes/stress-ng', notes, sixCores);
    clock.advance(10_000);
    const lines = p.exec(['top']).stdout.split('\n');
    expect(lines[0]).toMatch(/^Mem: \d+K used, \d+K free, \d+K shrd, \d+K buff, \d+K cached$/);
    expect(lines[1]).toMatch(/^CPU: {2}\d+% usr {3}0% sys {3}0% nic {2}\d+% idle {3}0% io {3}0% irq {3}0% sirq$/);
    expect(lines[3]).toBe('  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND');
    expect(lines[4]).toBe('    8     1 root     R     262m   2%   2  17% {stress-ng-vm} /usr/bin/stress-ng -m 1 -c 1 --metrics-brief');
    expect(lines[5]).toBe('    7     1 root     R     6956   0%   1  17% {stress-ng-cpu} /usr/bin/stress-ng -m 1 -c 1 --metrics-brief');
    expect(lines[6]).toBe('    1     0 root     S     6956   0%   1   0% /usr/bin/stress-ng -m 1 -c 1 --metrics-brief');
  });

  test('a CPU limit throttles: usage reports the limit and throttled time grows', () => {
    const { clock, p } = boot('ikubernetes/stress-ng', notes, { limits: { cpuMilli: 200 } });
    clock.advance(10_000);
    const u = p.usage();
    expect(u.cpuMilli).toBe(200);
    expect(u.throttledMs).toBe(9_000);
  });

  test('a memory limit below what the vm worker touches ends in OOMKilled (137)', () => {
    const { clock, exits } = boot('ikubernetes/stress-ng', notes, { limits: { memoryBytes: 128 * Mi } });
    clock.advance(5_000);
    expect(exits).toHaveLength(1);
    expect(exits[0]).toMatchObject({ code: 137, reason: 'OOMKilled' });
    expect(exits[0].at).toBeGreaterThan(400);
    expect(exits[0].at).toBeLessThan(600);
  });

  test('with --timeout it finishes, prints the metrics table and exits 0', () => {
    const { clock, p, exits } = boot('ikubernetes/stress-ng', { command: ['stress-ng', '--cpu', '1', '--timeout', '60s', '--metrics-brief'] }, { limits: { cpuMilli: 500 } });
    clock.runUntilQuiet(120_000);
    expect(exits).toMatchObject([{ code: 0, reason: 'Completed', at: 60_000 }]);
    expect(p.logs().split('\n').slice(1, 5)).toEqual([
      'stress-ng: info:  [1] successful run completed in 60.00s (1 min, 0.00 secs)',
      'stress-ng: info:  [1] stressor       bogo ops real time  usr time  sys time   bogo ops/s   bogo ops/s',
      'stress-ng: info:  [1]                           (secs)    (secs)    (secs)   (real time) (usr+sys time)',
      'stress-ng: info:  [1] cpu               10230     60.00     30.00      0.00       170.50         341.00',
    ]);
  });

  test('stress-ng without stressors fails', () => {
    const { exits, p } = boot('ikubernetes/stress-ng', { command: ['/usr/bin/stress-ng'] });
    expect(exits[0]).toMatchObject({ code: 1, reason: 'Error' });
    expect(p.logs()).toContain('No stress workers invoked');
  });
});

describe('resource usage', () => {
  test('idle baselines: nginx ~2-3Mi and 0-1m CPU, a sleeping busybox ~200Ki', () => {
    const n = boot('nginx:1.12-alpine');
    n.clock.advance(60_000);
    const nu = n.p.usage();
    expect(nu.memoryBytes / Mi).toBeGreaterThan(1.5);
    expect(nu.memoryBytes / Mi).toBeLessThan(3.5);
    expect(nu.cpuMilli).toBeLessThanOrEqual(1);
    const b = boot('busybox', { command: ['sleep', '3600'] });
    b.clock.advance(60_000);
    expect(b.p.usage().memoryBytes / 1024).toBeGreaterThan(60);
    expect(b.p.usage().memoryBytes / 1024).toBeLessThan(400);
    expect(b.p.usage().cpuMilli).toBe(0);
  });

  test('a memory leak grows working set linearly until the limit, then OOMKilled', () => {
    const { clock, p, exits } = boot('nginx:1.12-alpine', {}, { limits: { memoryBytes: 64 * Mi } });
    clock.advance(1_000);
    p.fault?.({ kind: 'memory-leak', bytesPerSecond: Mi });
    clock.advance(30_000);
    expect(Math.round(p.usage().memoryBytes / Mi)).toBeGreaterThanOrEqual(31);
    expect(Math.round(p.usage().memoryBytes / Mi)).toBeLessThanOrEqual(33);
    clock.advance(60_000);
    expect(exits).toMatchObject([{ code: 137, reason: 'OOMKilled' }]);
    expect(exits[0].at).toBeGreaterThan(60_000);
    expect(exits[0].at).toBeLessThan(64_000);
    expect(p.usage()).toEqual({ cpuMilli: 0, memoryBytes: 0, throttledMs: 0 });
  });

  test('the same inputs give the same container, byte for byte', () => {
    const run = () => {
      const { clock, p } = boot('nginx');
      const out: unknown[] = [];
      for (let i = 0; i < 20; i++) {
        clock.advance(7_000);
        out.push(p.usage(), p.httpGet(80, '/', { 'User-Agent': 'kube-probe/1.34' }), p.exec(['sh', '-c', 'date; ls /usr/share/nginx/html']));
      }
      p.signal('TERM');
      clock.advance(1_000);
      return JSON.stringify([out, p.logs()]);
    };
    expect(run()).toBe(run());
  });
});
