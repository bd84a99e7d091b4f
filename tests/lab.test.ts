import { createLab } from '@/lib/lab';

const typeLines = (lab: ReturnType<typeof createLab>, lines: string[]) => { for (const l of lines) lab.terminal.feed(`${l}\r`); };

describe('lab journal', () => {
  test('replaying the journal rebuilds the same cluster, files and history', () => {
    const lab = createLab();
    lab.terminal.start();
    typeLines(lab, ['cat <<EOF > pod.yaml', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: nginx', '    image: nginx', 'EOF', 'kubectl apply -f pod.yaml']);
    lab.advance(4_000);
    lab.advance(6_000);
    typeLines(lab, ['kubectl annotate pod web team=blue']);
    lab.advance(1_500);
    const journal = lab.journal();
    expect(journal.filter((e) => 'advanceMs' in e)).toEqual([{ advanceMs: 10_000 }, { advanceMs: 1_500 }]);

    const again = createLab({ journal });
    expect(again.now()).toBe(lab.now());
    expect(JSON.stringify(again.cluster.api.list('pods'))).toBe(JSON.stringify(lab.cluster.api.list('pods')));
    expect(JSON.stringify(again.cluster.api.list('events'))).toBe(JSON.stringify(lab.cluster.api.list('events')));
    expect(again.fs.readFile('pod.yaml')).toBe(lab.fs.readFile('pod.yaml'));
    expect(again.journal()).toEqual(journal);
  });

  test('a replayed lab shows what the learner saw before the reload', () => {
    const lab = createLab();
    typeLines(lab, ['kubectl get pods']);
    const again = createLab({ journal: lab.journal() });
    let shown = '';
    again.terminal.onOutput((d) => { shown += d; });
    again.terminal.start();
    expect(shown).toContain('kubectl get pods');
    expect(shown).toContain('No resources found in default namespace.');
  });

  test('Ctrl-C in the middle of a here-document is journaled, so the replay abandons it too', () => {
    const lab = createLab();
    typeLines(lab, ['kubectl apply -f - <<EOF', 'apiVersion: v1']);
    lab.terminal.feed('\x03');
    typeLines(lab, ['kubectl get pods']);
    const again = createLab({ journal: lab.journal() });
    expect(again.cluster.api.list('pods', 'default')).toEqual([]);
    expect(again.journal()).toEqual(lab.journal());
  });

  test('subscribers hear about commands and time', () => {
    const lab = createLab();
    let calls = 0;
    const off = lab.subscribe(() => { calls++; });
    typeLines(lab, ['kubectl get pods']);
    lab.advance(1000);
    off();
    lab.advance(1000);
    expect(calls).toBe(2);
  });
});

test('a lesson setup runs first, on a new lab and on a replayed one, so the replay matches', () => {
  const lesson = {
    slug: 'x', order: 9, title: { en: 'x', zh: 'x' }, summary: { en: 'x', zh: 'x' }, exercises: [],
    setup: ['echo "first" > notes.txt'],
  };
  const lab = createLab({ lesson });
  typeLines(lab, ['echo "second" >> notes.txt']);
  expect(lab.fs.readFile('notes.txt')).toBe('first\nsecond\n');
  const again = createLab({ lesson, journal: lab.journal() });
  expect(again.fs.readFile('notes.txt')).toBe('first\nsecond\n');
});
