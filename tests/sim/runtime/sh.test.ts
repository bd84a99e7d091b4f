import { parseScript, ShSyntaxError } from '@/lib/sim/runtime/sh/parse';
import { boot, sh } from './boot';

// Expected output checked against dash 0.5 (`dash -c`); busybox ash agrees on all of these.
const table: Array<[string, string, number?]> = [
  ['echo hello world', 'hello world\n'],
  [`echo "a  b" 'c  d'`, 'a  b c  d\n'],
  ['x=1; echo $x ${x}y "$x"', '1 1y 1\n'],
  ['false; echo $?', '1\n'],
  ['true && echo yes || echo no', 'yes\n'],
  ['false && echo yes || echo no', 'no\n'],
  ['! false; echo $?', '0\n'],
  ['if [ 1 -lt 2 ]; then echo lt; elif true; then echo x; else echo ge; fi', 'lt\n'],
  ['if false; then echo a; elif [ -n "x" ]; then echo b; else echo c; fi', 'b\n'],
  ['i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done', '0\n1\n2\n'],
  ['i=0; until [ $i -ge 2 ]; do i=$((i+1)); done; echo $i', '2\n'],
  ['for f in a b "c d"; do echo "[$f]"; done', '[a]\n[b]\n[c d]\n'],
  ['echo hi > /tmp/f; echo there >> /tmp/f; cat /tmp/f', 'hi\nthere\n'],
  ['exit 3', '', 3],
  ['echo $(echo inner) `echo back`', 'inner back\n'],
  ['v="a b  c"; for w in $v; do echo $w; done; echo "$v"', 'a\nb\nc\na b  c\n'],
  ['echo ${UNSET:-default} ${UNSET-x} ${#HOME}', 'default x 5\n'],
  ['echo one two | cat', 'one two\n'],
  [`printf '%s-%d\\n' a 5`, 'a-5\n'],
  [`printf '%s\\n' a b c`, 'a\nb\nc\n'],
  ['test -z ""; echo $?', '0\n'],
  ['[ "a" = "b" ]; echo $?', '1\n'],
  ['[ abc != abd ] && echo diff', 'diff\n'],
  ['[ 10 -gt 9 -a 1 -eq 1 ] && echo both', 'both\n'],
  ['mkdir -p /tmp/a/b && touch /tmp/a/b/c && ls /tmp/a/b', 'c\n'],
  ['rm -f /tmp/nope; echo $?', '0\n'],
  ['echo a; exit 5; echo b', 'a\n', 5],
  ['for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; done', '1\n3\n'],
  ['for i in 1 2 3; do [ $i = 2 ] && break; echo $i; done', '1\n'],
  ['x=5; (x=6; echo $x); echo $x', '6\n5\n'],
  ['{ echo a; echo b; } > /tmp/g; wc -l < /tmp/g', '2\n'],
  ['echo $((3 * (4 + 2) % 7)) $((10 / 3)) $((1 < 2))', '4 3 1\n'],
  ['a=1; a=$((a + 1)); echo $a', '2\n'],
  [`echo 'single $HOME' "double \\$HOME \\"q\\""`, 'single $HOME double $HOME "q"\n'],
  ['echo a\\ b c\\\\d', 'a b c\\d\n'],
  ['X=1 sh -c \'echo $X\'; echo ${X:-unset}', '1\nunset\n'],
  ['set -- p q r; echo $# $2 "$@"', '3 q p q r\n'],
  ['cd /tmp && pwd', '/tmp\n'],
  ['echo "$(echo a; echo b)"', 'a\nb\n'],
  ['[ -d /tmp ] && [ ! -f /tmp ] && echo dir', 'dir\n'],
  ['v=1; echo ${v:+set}', 'set\n'],
  ['i=0; while true; do i=$((i+1)); [ $i -ge 4 ] && break; done; echo $i', '4\n'],
  ['echo x | grep -q x && echo found', 'found\n'],
  [`printf 'l1\\nl2\\nl3\\n' | head -n 2`, 'l1\nl2\n'],
  ['touch /tmp/a1 /tmp/a2 /tmp/b1; echo /tmp/a*', '/tmp/a1 /tmp/a2\n'],
  ['echo /tmp/nomatch*', '/tmp/nomatch*\n'],
  ['trap "echo bye" EXIT; echo hi', 'hi\nbye\n'],
  [`printf 'a\\nb c\\n' > /tmp/x; while read l; do echo "<$l>"; done < /tmp/x`, '<a>\n<b c>\n'],
  ['echo $0', 'sh\n'],
];

describe('the container shell runs POSIX scripts', () => {
  test.each(table)('busybox ash: %s', (script, stdout, code = 0) => {
    const r = sh(script);
    expect({ stdout: r.stdout, exitCode: r.exitCode }).toEqual({ stdout, exitCode: code });
  });

  test.each(table)('Debian dash: %s', (script, stdout, code = 0) => {
    const r = sh(script, 'nginx');
    expect({ stdout: r.stdout, exitCode: r.exitCode }).toEqual({ stdout, exitCode: code });
  });
});

describe('error wording follows the image userland', () => {
  test('an unknown command: busybox ash says `sh: foo: not found`, dash names the line; both exit 127', () => {
    expect(sh('foo')).toMatchObject({ stderr: 'sh: foo: not found\n', exitCode: 127 });
    expect(sh('foo', 'nginx')).toMatchObject({ stderr: 'sh: 1: foo: not found\n', exitCode: 127 });
  });

  test('a syntax error exits 2 with ash or dash wording', () => {
    expect(sh('if true; then echo x')).toMatchObject({ stderr: 'sh: syntax error: unexpected end of file (expecting "fi")\n', exitCode: 2 });
    expect(sh('if true; then echo x', 'nginx')).toMatchObject({ stderr: 'sh: 1: Syntax error: end of file unexpected (expecting "fi")\n', exitCode: 2 });
    expect(sh('echo "open')).toMatchObject({ stderr: 'sh: syntax error: unterminated quoted string\n', exitCode: 2 });
    expect(sh('echo a ;; echo b')).toMatchObject({ exitCode: 2 });
  });

  test('a redirection into a missing directory fails before the command runs', () => {
    expect(sh('echo x > /nodir/f; echo $?')).toEqual({ stdout: '1\n', stderr: "sh: can't create /nodir/f: nonexistent directory\n", exitCode: 0, durationMs: 0 });
    expect(sh('echo x > /nodir/f; echo $?', 'nginx')).toMatchObject({ stdout: '2\n', stderr: 'sh: 1: cannot create /nodir/f: Directory nonexistent\n' });
  });

  test('busybox and coreutils word their file errors differently', () => {
    expect(sh('rm /tmp/nope')).toMatchObject({ stderr: "rm: can't remove '/tmp/nope': No such file or directory\n", exitCode: 1 });
    expect(sh('rm /tmp/nope', 'nginx')).toMatchObject({ stderr: "rm: cannot remove '/tmp/nope': No such file or directory\n", exitCode: 1 });
    expect(sh('cat /nope')).toMatchObject({ stderr: "cat: can't open '/nope': No such file or directory\n", exitCode: 1 });
    expect(sh('cat /nope', 'nginx')).toMatchObject({ stderr: 'cat: /nope: No such file or directory\n', exitCode: 1 });
    expect(sh('ls /nope')).toMatchObject({ stderr: 'ls: /nope: No such file or directory\n', exitCode: 1 });
    expect(sh('ls /nope', 'nginx')).toMatchObject({ stderr: "ls: cannot access '/nope': No such file or directory\n", exitCode: 2 });
    expect(sh('rm /tmp')).toMatchObject({ stderr: "rm: '/tmp' is a directory\n", exitCode: 1 });
    expect(sh('mkdir /tmp')).toMatchObject({ stderr: "mkdir: can't create directory '/tmp': File exists\n", exitCode: 1 });
  });

  test('test with a non-number operand exits 2', () => {
    expect(sh('[ a -lt 1 ]; echo $?').stdout).toBe('2\n');
  });
});

describe('shell mechanics', () => {
  test('sleep takes simulated time: exec reports it as durationMs and `date` moves with it', () => {
    const r = sh('date +%T; sleep 3; date +%T');
    expect(r).toEqual({ stdout: '09:00:00\n09:00:03\n', stderr: '', exitCode: 0, durationMs: 3000 });
  });

  test('date prints busybox/coreutils C-locale format from the cluster clock', () => {
    expect(sh('date').stdout).toBe('Mon Sep  1 09:00:00 UTC 2025\n');
  });

  test('sleep accepts suffixes and several operands, and rejects junk', () => {
    expect(sh('sleep 1m 30').durationMs).toBe(90_000);
    expect(sh('sleep abc')).toMatchObject({ stderr: "sleep: invalid number 'abc'\n", exitCode: 1 });
  });

  test('a command that never ends is killed at the exec timeout', () => {
    const { p } = boot('busybox', { command: ['sleep', '3600'] });
    expect(p.exec(['sleep', 'infinity'], { timeoutMs: 5000 })).toEqual({ stdout: '', stderr: '', exitCode: 137, durationMs: 5000, timedOut: true });
    expect(p.exec(['sh', '-c', 'while true; do echo y; done'], { timeoutMs: 5000 })).toMatchObject({ exitCode: 137, timedOut: true });
  });

  test('env shows the container environment: PATH, HOSTNAME, image Env, the container env, HOME', () => {
    const { p } = boot('nginx:1.12-alpine', { env: [{ name: 'GREETING', value: 'hi' }] }, { env: [{ name: 'GREETING', value: 'hi' }] });
    expect(p.exec(['env']).stdout).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=demo\nNGINX_VERSION=1.12.2\nGREETING=hi\nHOME=/root\n');
    expect(p.exec(['printenv', 'GREETING']).stdout).toBe('hi\n');
    expect(p.exec(['hostname']).stdout).toBe('demo\n');
  });

  test('exec of a program the image lacks is a runtime error, not an exit code', () => {
    const { p } = boot('nginx');
    const r = p.exec(['ps', 'aux']);
    expect(r.exitCode).toBe(126);
    expect(r.runtimeError).toMatch(/^Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "ps": executable file not found in \$PATH: unknown$/);
  });

  test('a script file with the exec bit runs; without it, permission denied', () => {
    expect(sh('printf "echo from script\\n" > /tmp/s.sh; sh /tmp/s.sh; /tmp/s.sh; echo $?; chmod +x /tmp/s.sh; /tmp/s.sh'))
      .toMatchObject({ stdout: 'from script\n126\nfrom script\n', stderr: 'sh: /tmp/s.sh: Permission denied\n' });
  });

  test('the parser rejects a reserved word out of place', () => {
    expect(() => parseScript('then echo')).toThrow(ShSyntaxError);
    expect(parseScript('echo then fi').items).toHaveLength(1);
  });
});
