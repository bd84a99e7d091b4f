import { makeShell } from './support';

describe('here-documents', () => {
  test('kubectl apply -f - <<EOF feeds the expanded body as stdin once the delimiter arrives', () => {
    const { shell } = makeShell();
    const lines = ['kubectl apply -f - <<EOF', 'metadata:', '  name: pod-example', '  annotations:', '    created-by: "cluster admin"', '    owner: $USER', 'EOF'];
    const results = lines.map((line) => shell.submit(line));
    expect(results.slice(0, -1).every((r) => r.needMore && r.prompt === '> ' && r.output === '')).toBe(true);
    expect(results.at(-1)).toEqual({
      needMore: false,
      prompt: '$ ',
      running: false,
      output: 'kubectl apply -f -\nmetadata:\n  name: pod-example\n  annotations:\n    created-by: "cluster admin"\n    owner: learner\n',
    });
  });

  test.each([
    ["cat <<'EOF'\n$HOME \\$x `no`\nEOF", '$HOME \\$x `no`\n'],
    ['cat <<"EOF"\n$HOME\nEOF', '$HOME\n'],
    ['cat <<E\\OF\n$HOME\nEOF', '$HOME\n'],
    ['cat <<EOF\n$HOME \\$x \\\\ \\" \\a ${USER} \'$USER\' "q"\nEOF', '/home/learner $x \\ \\" \\a learner \'learner\' "q"\n'],
    ['\tcat <<-EOF\n\t\ttabbed $USER\n\t  spaced\n\t\tEOF', 'tabbed learner\n  spaced\n'],
    ['cat <<EOF; echo after\nbody\nEOF', 'body\nafter\n'],
    ['cat <<A <<B\na\nA\nb\nB', 'b\n'],
    ['cat <<EOF | grep -c x\nx1\ny\nx2\nEOF', '2\n'],
    ['cat << EOF\n EOF\nEOF', ' EOF\n'],
    ['cat <<< "here $USER"', 'here learner\n'],
  ])('%j prints what bash prints', (input, output) => {
    expect(makeShell().run(input)).toBe(output);
  });

  test('a here-document can be written to a file', () => {
    const { run, fs } = makeShell();
    expect(run('cat <<EOF > pod.yaml\nkind: Pod\nEOF')).toBe('');
    expect(fs.readFile('/home/learner/pod.yaml')).toBe('kind: Pod\n');
  });

  test('Ctrl-C abandons a here-document: the next line is a new command and $? is 130', () => {
    const { shell, run } = makeShell();
    run('cat <<EOF\nhalf');
    shell.interrupt();
    expect(shell.prompt()).toBe('$ ');
    expect(run('echo $?')).toBe('130\n');
  });

  test('end() runs a here-document cut short by end of input, after bash\'s warning', () => {
    const { shell, run } = makeShell();
    run('echo one\ncat <<EOF\nbody');
    expect(shell.end()).toBe("bash: warning: here-document at line 2 delimited by end-of-file (wanted `EOF')\nbody\n");
  });
});

describe('pipes and grep', () => {
  test.each([
    ['pods | grep -i running', 'pod-example   1/1     Running   0          5s\n'],
    ['pods | grep -c -E "Running|Pending"', '2\n'],
    ['pods | grep -v NAME | wc -l', '2\n'],
    ['pods | grep -n Pending', '3:web-1         0/1     Pending   0          2s\n'],
    ['pods | grep -A1 NAME | tail -n 1', 'pod-example   1/1     Running   0          5s\n'],
    ['pods | grep nothing; echo $?', '1\n'],
    ['pods | head -2 | tail -1', 'pod-example   1/1     Running   0          5s\n'],
  ])('%j', (input, output) => {
    expect(makeShell().run(input)).toBe(output);
  });

  test('on a terminal only the last stage of a pipeline sees a TTY, so only it colours', () => {
    const { run } = makeShell({ isTTY: true });
    expect(run('pods | grep Pending')).toBe('web-1         0/1     \x1b[01;31m\x1b[KPending\x1b[m\x1b[K   0          2s\n');
    expect(run('pods | grep Pending | cat')).toBe('web-1         0/1     Pending   0          2s\n');
    expect(run('pods | grep Pending > out.txt; cat out.txt')).toBe('web-1         0/1     Pending   0          2s\n');
  });

  test('stderr of every stage reaches the terminal; stdout only from the last', () => {
    expect(makeShell().run('cat nope | grep x nope2 | wc -l')).toBe(
      'cat: nope: No such file or directory\ngrep: nope2: No such file or directory\n0\n',
    );
  });
});

describe('redirections and the filesystem', () => {
  test.each([
    ['echo hi > out.txt; cat out.txt', 'hi\n'],
    ['echo hi > out.txt; echo again >> out.txt; cat out.txt', 'hi\nagain\n'],
    ['echo one > f; cat < f', 'one\n'],
    ['cat nope 2> err.txt; cat err.txt', 'cat: nope: No such file or directory\n'],
    ['cat nope 2>/dev/null; echo "[$?]"', '[1]\n'],
    ['echo x > /dev/null', ''],
    ['cat nope > both.txt 2>&1; cat both.txt', 'cat: nope: No such file or directory\n'],
    ['cat nope 2>&1 > only.txt; cat only.txt', 'cat: nope: No such file or directory\n'],
    ['echo a > f; cat f nope &> all.txt; cat all.txt', 'cat: nope: No such file or directory\na\n'],
    ['echo a |& cat', 'a\n'],
    ['echo a 2>&-', 'a\n'],
    ['echo > nodir/x', 'bash: nodir/x: No such file or directory\n'],
    ['echo > /tmp', 'bash: /tmp: Is a directory\n'],
    ['cat < nope; echo "[$?]"', 'bash: nope: No such file or directory\n[1]\n'],
    ['X="a b"; echo > $X', 'bash: $X: ambiguous redirect\n'],
    ['echo a >&3', 'bash: 3: Bad file descriptor\n'],
    ['> empty; ls', 'empty\n'],
    ['echo hi > f; cat f > f; cat f', ''],
  ])('%j', (input, output) => {
    expect(makeShell().run(input)).toBe(output);
  });

  test('paths resolve against the working directory, which cd changes', () => {
    const { run, fs } = makeShell();
    expect(run('mkdir -p manifests/pods && cd manifests && echo kind > pod.yaml && pwd && cd && cat manifests/pod.yaml')).toBe(
      '/home/learner/manifests\nkind\n',
    );
    expect(fs.readFile('/home/learner/manifests/pod.yaml')).toBe('kind\n');
    expect(run('cd /tmp; echo $PWD; cd -; cd nope')).toBe('/tmp\n/home/learner\nbash: cd: nope: No such file or directory\n');
  });
});

describe('commands, statuses and errors', () => {
  test.each([
    ['nosuch; echo $?', 'bash: nosuch: command not found\n127\n'],
    ['nosuch 2>/dev/null', ''],
    ['false; echo $?', '1\n'],
    ['true && echo yes || echo no', 'yes\n'],
    ['false && echo yes || echo no', 'no\n'],
    ['true || echo a && echo b', 'b\n'],
    ['false; true; echo $?', '0\n'],
    ['false; true | echo $?', '1\n'],
    ['echo a; echo b & echo c', "bash: no job control in this shell: '&' runs the command in the foreground (Ctrl-C stops it)\na\nb\nc\n"],
    ['A=1 B=2; echo $A$B', '12\n'],
    ['A=x args $A', '[]\n'],
    ['echo a | | b; echo $?', 'bash: syntax error near unexpected token `|\'\n'],
    ['', ''],
    ['   # just a comment', ''],
  ])('%j', (input, output) => {
    expect(makeShell().run(input)).toBe(output);
  });

  test('a syntax error sets $? to 2', () => {
    expect(makeShell().run('echo a >\necho $?')).toBe("bash: syntax error near unexpected token `newline'\n2\n");
  });

  test('a program that throws is reported and the shell carries on', () => {
    expect(makeShell().run('boom; echo "[$?]"; echo next')).toBe('bash: boom: internal error: kaboom\n[1]\nnext\n');
  });

  test('end() of an open quote gives bash 5.2\'s message and leaves the shell ready', () => {
    const { shell, run } = makeShell();
    expect(shell.submit('echo "abc')).toEqual({ output: '', needMore: true, prompt: '> ', running: false });
    expect(shell.end()).toBe("bash: unexpected EOF while looking for matching `\"'\n");
    expect(run('echo ok')).toBe('ok\n');
  });

  test('sleep lets simulated time pass through waitUntil', () => {
    const { run, waits } = makeShell();
    expect(run('sleep 10; sleep 1.5 2s; sleep 1m')).toBe('');
    expect(waits).toEqual([10_000, 3_500, 60_000]);
  });

  test('a line with embedded newlines is taken as several physical lines', () => {
    expect(makeShell().shell.submit('echo a\necho b').output).toBe('a\nb\n');
  });
});

describe('prompt and history', () => {
  test('the terminal prompt is coloured and shows the directory; the headless prompt is `$ `', () => {
    const tty = makeShell({ isTTY: true });
    expect(tty.shell.prompt()).toBe('\x1b[1;32mlearner@podlab\x1b[0m:\x1b[1;34m~\x1b[0m$ ');
    tty.run('mkdir d; cd d');
    expect(tty.shell.prompt()).toBe('\x1b[1;32mlearner@podlab\x1b[0m:\x1b[1;34m~/d\x1b[0m$ ');
    tty.run('cd /tmp');
    expect(tty.shell.prompt()).toContain('/tmp');
    expect(makeShell().shell.prompt()).toBe('$ ');
  });

  test('history skips repeats and lines starting with a space, and keeps a here-document as one entry', () => {
    const { shell, run } = makeShell({ history: ['old'] });
    run('echo a\necho a\n echo secret\ncat <<EOF\nx\nEOF\necho b');
    expect(shell.history()).toEqual(['old', 'echo a', 'cat <<EOF\nx\nEOF', 'echo b']);
    expect(run('history 2')).toBe('    4  echo b\n    5  history 2\n');
    run('history -c');
    expect(run('history')).toBe('    1  history\n');
  });
});
