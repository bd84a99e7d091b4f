import { makeShell } from './support';

const corpus = [
  'kubectl apply -f - <<EOF',
  'kubectl annotate pods pod-example created-by2="admin"',
  'kubectl get pods | grep -i running',
  "cat <<'EOF' > pod.yaml",
  '    created-by: "cluster admin"',
  'EOF',
  'echo "$HOME" ${USER} ~/x $? && ls -la || cat nope 2>&1 >> log',
  "grep -E -n -A 2 '(a|b)+[[:digit:]]{2}' pod.yaml",
  'head -n 3 pod.yaml; tail -2 pod.yaml | wc -l',
  'sleep 1.5 && cd /tmp && pwd; cd -',
  "echo $'a\\tb' \"it's\" 'say \"hi\"' a\\ b",
  'mkdir -p a/b; rm -f a/b; history 3',
  'X="a b"; echo > $X; cat < $X',
];
const alphabet = ' \t|&;<>()$`\'"\\#~=*?[]{}!-0123456789abcEOF\n-\u4e2d';

test('20,000 random and mutated lines never throw and always leave the shell ready for the next command', () => {
  let seed = 20240611;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(xs: ArrayLike<T>): T => xs[Math.floor(random() * xs.length)];
  const mutate = (line: string) => {
    const chars = [...line];
    for (let n = Math.floor(random() * 4); n >= 0; n--) {
      const at = Math.floor(random() * (chars.length + 1));
      if (random() < 0.5) chars.splice(at, 0, pick(alphabet));
      else chars.splice(at, 1);
    }
    return chars.join('');
  };
  const { shell } = makeShell();
  const problems: string[] = [];
  for (let k = 0; k < 20_000; k++) {
    const kind = random();
    const line =
      kind < 0.4 ? mutate(pick(corpus)) : kind < 0.7 ? pick(corpus) : Array.from({ length: Math.floor(random() * 30) }, () => pick(alphabet)).join('');
    const result = shell.submit(line); // a throw fails the test here
    if (result.output.includes('internal error')) problems.push(`${JSON.stringify(line)}: ${result.output}`);
    if (!result.needMore && shell.prompt() !== '$ ') problems.push(`${JSON.stringify(line)}: not ready`);
    // Now and then the input ends or is interrupted in the middle of whatever is open.
    if (result.needMore && random() < 0.05) {
      if (random() < 0.5) shell.interrupt();
      else if (shell.end().includes('internal error')) problems.push(`end after ${JSON.stringify(line)}`);
    }
  }
  expect(problems).toEqual([]);
  shell.end();
  expect(shell.submit('echo ready')).toEqual({ output: 'ready\n', needMore: false, prompt: '$ ', running: false });
});
