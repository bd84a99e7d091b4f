/**
 * Commands that keep running in the terminal — `sleep`, `kubectl get -w`, `kubectl logs -f`, a waiting `delete` —
 * driven as the lesson page drives them: real time through `elapse`, keys through the terminal, Ctrl-C, typeahead,
 * and a reload that replays the journal.
 */
import { createLab } from '@/lib/lab';

const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');

function rig() {
  const lab = createLab({ interactive: true, isTTY: false });
  let screen = '';
  lab.terminal.onOutput((d) => { screen += d; });
  lab.terminal.start();
  const type = (text: string) => lab.terminal.feed(text);
  /** What the terminal showed since the last call, without colours and carriage returns. */
  const shown = () => {
    const s = strip(screen);
    screen = '';
    return s;
  };
  return { lab, type, shown };
}

const podYaml = (name: string, command: string) =>
  `kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  restartPolicy: Never\n  containers:\n  - name: main\n    image: busybox\n    command: ["sh", "-c", "${command}"]\nEOF\n`.replace(/\n/g, '\r');

describe('sleep in the terminal', () => {
  test('fast-forwards: 300 simulated seconds pass in about 2 real seconds, then the prompt and typeahead come back', () => {
    const { lab, type, shown } = rig();
    const start = lab.now();
    type('sleep 300\r');
    expect(lab.busy()).toBe(true);
    type('echo after\r'); // typed while sleeping: waits, as in a real terminal
    lab.elapse(1000);
    expect(lab.now() - start).toBe(150_000);
    expect(lab.busy()).toBe(true);
    expect(shown()).toContain('sleep: 2m 30s of simulated time left');
    lab.elapse(1500); // the sleep ends at +300 s; the rest of that real time counts at normal pace
    expect(lab.now() - start).toBe(300_000 + 500);
    expect(lab.busy()).toBe(false);
    const after = shown();
    expect(after).toContain('$ echo after\nafter\n$ ');
    expect(after).not.toContain('simulated time left'); // the status line was erased
  });

  test('Ctrl-C stops it where it is, drops typeahead, sets $? to 130, and the rest of the list does not run', () => {
    const { lab, type, shown } = rig();
    const start = lab.now();
    type('sleep 100 && echo never\r');
    type('echo typed-ahead\r');
    lab.elapse(1000); // 50 s
    type('\x03');
    expect(lab.busy()).toBe(false);
    expect(lab.now() - start).toBe(50_000);
    type('echo $?\r');
    const out = shown();
    expect(out).toContain('^C\n$ echo $?\n130\n');
    expect(out).not.toMatch(/^never$/m);
    expect(out).not.toMatch(/^typed-ahead$/m);
  });

  test('lines typed ahead during a sleep run when it ends, and a replay runs them at that same instant', () => {
    const { lab, type } = rig();
    type('sleep 5\r');
    type('kubectl run web --image=nginx\r');
    lab.elapse(1000);
    lab.elapse(3000); // the sleep ends inside this step; the typed line runs then, and time goes on
    const created = lab.cluster.api.get('pods', 'default', 'web').metadata.creationTimestamp;
    expect(created).toBe(new Date(Date.parse('2025-09-15T09:00:05Z')).toISOString().replace('.000', ''));
    const again = createLab({ interactive: true, isTTY: false, journal: lab.journal() });
    expect(again.cluster.api.get('pods', 'default', 'web').metadata.creationTimestamp).toBe(created);
    expect(JSON.stringify(again.cluster.api.list('pods'))).toBe(JSON.stringify(lab.cluster.api.list('pods')));
    expect(again.now()).toBe(lab.now());
  });

  test('sleep; then the next command runs at the instant the sleep ends, also on a replay', () => {
    const { lab, type } = rig();
    type('sleep 7; kubectl get pods -A --no-headers | wc -l\r');
    lab.elapse(5000);
    const again = createLab({ interactive: true, isTTY: false, journal: lab.journal() });
    expect(again.now()).toBe(lab.now());
    expect(again.journal()).toEqual(lab.journal());
  });
});

describe('kubectl get -w in the terminal', () => {
  test('prints the list, then a row per change as time passes, until Ctrl-C; a reload shows the same screen', () => {
    const { lab, type, shown } = rig();
    type('kubectl run web --image=nginx\r');
    type('kubectl get pods -w\r');
    expect(lab.busy()).toBe(true);
    expect(shown()).toMatch(/NAME {3}READY {3}STATUS {14}RESTARTS {3}AGE\nweb {4}0\/1 {5}ContainerCreating {3}0 {10}0s\n$/);
    for (let i = 0; i < 120; i++) lab.elapse(250);
    const rows = shown();
    expect(rows).toMatch(/^web {4}1\/1 {5}Running {13}0 {10}\d+s\n$/m); // RememberWidths: aligned with the header above
    type('kubectl get pods\r'); // typeahead while watching
    type('\x03');
    expect(lab.busy()).toBe(false);
    type('kubectl get pods --no-headers\r');
    expect(shown()).toMatch(/\^C\n\$ kubectl get pods --no-headers\nweb +1\/1 +Running/);

    const reloaded = createLab({ interactive: true, isTTY: false, journal: lab.journal() });
    let screen = '';
    reloaded.terminal.onOutput((d) => { screen += d; });
    reloaded.terminal.start();
    expect(strip(screen)).toContain(rows);
    expect(reloaded.journal()).toEqual(lab.journal());
  });

  test('a deletion seen live: Terminating, then the final rows; a filter on the pipe shows matching rows as they come', () => {
    const { lab, type, shown } = rig();
    type('kubectl run web --image=nginx\r');
    lab.advance(30_000);
    type('kubectl get pods -w | grep -v Running\r');
    type('\x03');
    shown();
    type('kubectl get pods -w | grep --line-buffered Terminating\r');
    expect(shown()).toBe('kubectl get pods -w | grep --line-buffered Terminating\n'); // the echo of the line only
    type('\x03');
    type('kubectl delete pod web --wait=false\r');
    type('kubectl get pods -w | grep -v Running\r');
    lab.elapse(500);
    expect(shown()).toMatch(/web +1\/1 +Terminating/);
  });

  test('a reload while watching stops the watch, as closing a terminal would, and journals that Ctrl-C', () => {
    const { lab, type } = rig();
    type('kubectl get pods -w\r');
    lab.elapse(1000);
    const again = createLab({ interactive: true, isTTY: false, journal: lab.journal() });
    expect(again.busy()).toBe(false);
    expect(again.journal().at(-1)).toEqual({ interrupt: true });
  });
});

describe('kubectl logs -f and delete in the terminal', () => {
  test('logs -f shows each line when the container writes it, and ends with the container', () => {
    const { lab, type, shown } = rig();
    type(podYaml('counter', 'for i in 1 2 3; do echo tick \\$i; sleep 3; done'));
    lab.advance(5_000);
    shown();
    type('kubectl logs -f counter\r');
    const first = shown();
    expect(first).toContain('tick 1\n');
    expect(first).not.toContain('tick 3');
    expect(lab.busy()).toBe(true);
    lab.elapse(3000);
    expect(shown()).toMatch(/tick \d\n/);
    lab.elapse(10_000);
    expect(lab.busy()).toBe(false);
    expect(shown()).toMatch(/\$ $/);
    type('kubectl logs counter\r');
    expect(shown()).toContain('tick 1\ntick 2\ntick 3\n');
  });

  test('delete prints its line at once, then waits in real time for the pod to go; Ctrl-C stops only the waiting', () => {
    const { lab, type, shown } = rig();
    type(podYaml('stubborn', 'sleep 3600'));
    lab.advance(10_000);
    shown();
    type('kubectl delete pod stubborn\r');
    expect(shown()).toContain('pod "stubborn" deleted from default namespace\n');
    expect(lab.busy()).toBe(true);
    lab.elapse(5000);
    expect(lab.busy()).toBe(true); // sh as PID 1 ignores TERM: 30 s of grace
    type('\x03');
    expect(lab.busy()).toBe(false);
    type('kubectl get pods --no-headers\r');
    expect(shown()).toMatch(/stubborn +1\/1 +Terminating/);
  });
});

test('headless (the runner, tests): a never-ending command is stopped once the cluster is idle, shown as ^C', () => {
  const lab = createLab({ isTTY: false });
  const r = lab.shell.submit('kubectl get pods -w');
  // get.go watch prints nothing for an empty list (no "No resources found"), then waits for events.
  expect(r).toMatchObject({ running: false, output: '^C\n' });
});

test('the page storage accepts every kind of journal entry a lab writes (a Ctrl-C must survive a reload)', async () => {
  const { isJournalEntry } = await import('@/components/lab/storage');
  const { lab, type } = rig();
  type('kubectl apply -f - <<EOF\r');
  type('\x03');
  type('sleep 5\r');
  lab.elapse(1000);
  type('kubectl get pods -w\r');
  lab.elapse(500);
  type('\x03');
  const journal = lab.journal();
  expect(new Set(journal.map((e) => Object.keys(e)[0]))).toEqual(new Set(['line', 'advanceMs', 'interrupt']));
  expect(journal.filter((e) => !isJournalEntry(e))).toEqual([]);
  expect(isJournalEntry({ interrupt: false })).toBe(false);
});
