import { runScript } from '@/lib/shell/runner';
import { makeShell } from './support';

test('the transcript shows `$ ` before commands, `> ` before continuation lines, then the output', () => {
  const script = [
    'kubectl apply -f - <<EOF',
    'metadata:',
    '  name: pod-example',
    'EOF',
    'echo "two',
    'lines"',
    '',
    'nosuch',
    'echo -n no-newline',
    'echo a |',
    'grep a',
    'sleep 10',
    '',
  ].join('\n');
  const { shell, waits } = makeShell();
  expect(runScript(script, shell)).toBe(
    [
      '$ kubectl apply -f - <<EOF',
      '> metadata:',
      '>   name: pod-example',
      '> EOF',
      'kubectl apply -f -',
      'metadata:',
      '  name: pod-example',
      '$ echo "two',
      '> lines"',
      'two',
      'lines',
      '$ ',
      '$ nosuch',
      'bash: nosuch: command not found',
      '$ echo -n no-newline',
      'no-newline$ echo a |',
      '> grep a',
      'a',
      '$ sleep 10',
      '',
    ].join('\n'),
  );
  expect(waits).toEqual([10_000]);
});

test('a script ending inside a here-document gets bash\'s warning and the command still runs', () => {
  const { shell } = makeShell();
  expect(runScript('echo start\ncat <<EOF\nbody', shell)).toBe(
    "$ echo start\nstart\n$ cat <<EOF\n> body\nbash: warning: here-document at line 2 delimited by end-of-file (wanted `EOF')\nbody\n",
  );
});

test('a script ending inside a quote reports it as bash does', () => {
  const { shell } = makeShell();
  expect(runScript("echo 'open", shell)).toBe("$ echo 'open\nbash: unexpected EOF while looking for matching `''\n");
});

test('failing commands do not stop the run, and afterLine sees every line', () => {
  const { shell } = makeShell();
  const seen: string[] = [];
  expect(runScript('false\nboom\necho still here', shell, (line) => seen.push(line))).toBe(
    '$ false\n$ boom\nbash: boom: internal error: kaboom\n$ echo still here\nstill here\n',
  );
  expect(seen).toEqual(['false', 'boom', 'echo still here']);
});

test('the runner prints no colours: its shell is not a TTY', () => {
  const { shell } = makeShell();
  expect(runScript('pods | grep Running\nclear', shell)).toBe(
    '$ pods | grep Running\npod-example   1/1     Running   0          5s\n$ clear\n',
  );
});
