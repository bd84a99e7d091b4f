/**
 * Browser test: the production build in real Chromium (playwright-core + Debian's /usr/bin/chromium).
 *
 *   npm run test:browser                      starts `next start` on a free port against the existing .next build
 *   BASE_URL=http://localhost:3000 npm run test:browser    uses a server that is already running
 *
 * It types into the xterm terminal like a learner (the first exercise's reference solution from lesson.json),
 * reads what kubectl printed from the terminal's DOM rows, grades the exercise, reloads, and checks that progress
 * and the cluster came back. Screenshots go to test-results/. Exit status 1 on any failure.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = path.join(root, 'test-results');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];
const lesson = JSON.parse(readFileSync(path.join(root, 'content', 'lessons', 'annotations', 'lesson.json'), 'utf8'));
const firstExercise = lesson.exercises[0];

const startedAt = Date.now();
let passed = 0;
let failed = 0;
const problems = []; // console errors, page errors, requests that leave the origin

function log(line) {
  process.stdout.write(`${line}\n`);
}

class StepFailure extends Error {}

async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    log(`  ✓ ${name} (${Date.now() - t0} ms)`);
  } catch (error) {
    failed++;
    log(`  ✗ ${name}\n      ${String(error?.message ?? error).split('\n').join('\n      ')}`);
    throw new StepFailure(name);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`next start exited with status ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the server at ${url} did not answer within ${timeoutMs} ms`);
}

async function startServer() {
  if (process.env.BASE_URL) return { baseUrl: process.env.BASE_URL.replace(/\/$/, ''), stop: async () => {} };
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    throw new Error('No production build found (.next/BUILD_ID). Run `npx next build` first, or set BASE_URL.');
  }
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(baseUrl, child, 30_000);
  } catch (error) {
    child.kill('SIGTERM');
    throw new Error(`${error.message}\n--- next start output ---\n${output}`);
  }
  return {
    baseUrl,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => { if (child.exitCode === null) child.kill('SIGKILL'); }, 3000).unref();
    }),
  };
}

/** Text on the terminal's screen, one line per row, non-breaking spaces normalised. */
async function terminalText(page) {
  const text = await page.locator('.xterm-rows').innerText();
  return text.replace(/\u00a0/g, ' ');
}

/**
 * Waits until the terminal shows `pattern`; with `after`, only in what follows the last line where `after` was
 * typed (so output replayed after a reload, or printed earlier, cannot satisfy it).
 */
async function waitForTerminal(page, pattern, what, { after, timeoutMs = 10_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await terminalText(page);
    const at = after === undefined ? 0 : text.lastIndexOf(after);
    if (at >= 0 && pattern.test(text.slice(after === undefined ? 0 : at + after.length))) return text;
    await page.waitForTimeout(100);
  }
  throw new Error(`the terminal did not show ${what} (${pattern}) within ${timeoutMs} ms. It shows:\n${text.trimEnd()}`);
}

async function waitForTerminalReady(page) {
  await page.locator('.terminal-dock[data-ready="true"]').waitFor({ timeout: 15_000 });
  await page.locator('.xterm-helper-textarea').waitFor({ state: 'attached' });
  await waitForTerminal(page, /\$\s*$/m, 'a prompt');
}

async function typeLines(page, lines) {
  await page.locator('.xterm-helper-textarea').focus();
  for (const line of lines) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
}

function watchPage(page, label, origin) {
  page.on('console', (message) => {
    // A warning counts too: "the saved lab could not be replayed" is one.
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${label}: console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${label}: uncaught exception: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`${label}: request outside the site: ${url}`);
    }
  });
}

async function main() {
  mkdirSync(resultsDir, { recursive: true });
  rmSync(path.join(resultsDir, 'failure.png'), { force: true });
  log('PodLab browser test');
  const server = await startServer();
  log(`  server: ${server.baseUrl}`);
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const shot = (page, name) => page.screenshot({ path: path.join(resultsDir, name), fullPage: false });
  let page;
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    page = await context.newPage();
    watchPage(page, 'desktop', server.baseUrl);
    const lessonPath = `/lessons/${lesson.slug}`;

    await step('the home page lists the lessons', async () => {
      const response = await page.goto(`${server.baseUrl}/`);
      assert(response.ok(), `GET / answered ${response.status()}`);
      assert((await page.getAttribute('html', 'lang')) === 'en', '<html lang> is not "en"');
      const card = page.locator('.lesson-card', { hasText: lesson.title.en });
      await card.waitFor();
      const text = await card.innerText();
      assert(text.includes(`${lesson.exercises.length} exercises`), `the lesson card does not show the exercise count: ${text}`);
      await page.locator('[data-testid="lesson-progress"]').first().waitFor();
      await shot(page, 'home.png');
    });

    await step('lesson 1 opens from the home page with a security policy', async () => {
      await page.getByRole('link', { name: lesson.title.en }).click();
      await page.waitForURL(`**${lessonPath}`);
      assert((await page.locator('h1').innerText()).trim() === lesson.title.en, 'the lesson title is not the h1');
      const direct = await page.request.get(`${server.baseUrl}${lessonPath}`);
      assert(direct.ok(), `GET ${lessonPath} answered ${direct.status()}`);
      const csp = direct.headers()['content-security-policy'] ?? '';
      assert(csp.includes("default-src 'self'"), `missing or weak Content-Security-Policy: "${csp}"`);
      assert(!csp.includes('unsafe-eval'), 'the lesson page allows unsafe-eval');
    });

    await step('the terminal starts with a prompt', async () => {
      await waitForTerminalReady(page);
      const label = await page.locator('.terminal-dock').getAttribute('aria-label');
      assert(label, 'the terminal region has no label');
      await shot(page, 'lesson.png');
    });

    await step('applying the first exercise\'s solution creates pod-example', async () => {
      const lines = [...firstExercise.solution];
      if (!lines.some((l) => /^sleep\b/.test(l))) lines.push('sleep 10');
      await typeLines(page, lines);
      await waitForTerminal(page, /pod\/pod-example created/, '"pod/pod-example created"', { after: 'EOF' });
    });

    await step('kubectl get pods shows pod-example Running', async () => {
      await typeLines(page, ['kubectl get pods']);
      const after = '$ kubectl get pods';
      await waitForTerminal(page, /NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/, 'the get pods header', { after });
      await waitForTerminal(page, /^pod-example\s+1\/1\s+Running\s+0\s+\d+s\s*$/m, 'a Running pod-example row', { after });
    });

    await step('sleep fast-forwards with a visible countdown; Ctrl-C ends kubectl get -w and the prompt comes back', async () => {
      await typeLines(page, ['sleep 120']);
      await waitForTerminal(page, /sleep: (1m \d\ds|\d+s) of simulated time left/, 'the sleep countdown', { after: '$ sleep 120' });
      await shot(page, 'sleep-countdown.png');
      await waitForTerminal(page, /^\S*\$\s*$/m, 'the prompt after the sleep', { after: '$ sleep 120', timeoutMs: 6000 });
      const screen = await terminalText(page);
      assert(!/simulated time left/.test(screen.slice(screen.lastIndexOf('$ sleep 120'))), 'the countdown was not erased');
      await typeLines(page, ['kubectl get pods -w']);
      const after = '$ kubectl get pods -w';
      await waitForTerminal(page, /^pod-example\s+1\/1\s+Running/m, 'the watch\'s first row', { after });
      await page.keyboard.press('Control+C');
      await waitForTerminal(page, /\^C\s*\n\S*\$\s*$/, '^C and a prompt', { after });
      await typeLines(page, ['echo back at the prompt']);
      await waitForTerminal(page, /^back at the prompt\s*$/m, 'the echo after Ctrl-C', { after: '$ echo back at the prompt' });
    });

    await step('kubectl explain shows the field with its tab-separated list; a misspelt field is refused', async () => {
      await typeLines(page, ['kubectl explain po.spec.containers.ports | head -n 5']);
      await waitForTerminal(page, /^FIELD: ports <\[\]ContainerPort>\s*$/m, 'the FIELD line', { after: 'ports | head -n 5' });
      await typeLines(page, ['kubectl explain po.spec.containers.ports | grep -A1 Port']);
      const after = 'ports | grep -A1 Port';
      await waitForTerminal(page, /^ {2}containerPort\s+<integer> -required-\s*$/m, 'a field row with its tab expanded', { after });
      await typeLines(page, ['kubectl explain po.spec.containers.ports | grep -A1 protocol']);
      await waitForTerminal(page, /^ {2}protocol\s+<string>\s*\n {2}enum: SCTP, TCP, UDP\s*$/m, 'the protocol enum', { after: 'ports | grep -A1 prot' });
      await shot(page, 'explain.png');
      await typeLines(page, ['kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: typo', 'spec:', '  containers:', '  - name: c', '    image: nginx', '    imagePullpolicy: Always', 'EOF']);
      // The error is wider than the terminal: compare with its rows joined.
      const unwrapped = { test: (t) => t.replace(/\n/g, '').includes('strict decoding error: unknown field "spec.containers[0].imagePullpolicy"'), toString: () => 'the strict decoding error, rows joined' };
      await waitForTerminal(page, unwrapped, 'the strict decoding error', { after: 'imagePullpolicy: Always' });
    });

    const exercise1 = page.locator(`section[data-exercise="${firstExercise.id}"]`);
    await step('Check passes the first exercise', async () => {
      await exercise1.getByRole('button', { name: 'Check' }).click();
      await exercise1.locator('.result-summary', { hasText: 'All checks pass.' }).waitFor({ timeout: 5000 });
      const checks = await exercise1.locator('.check').allInnerTexts();
      assert(checks.length === firstExercise.checks.length, `expected ${firstExercise.checks.length} checks, got ${checks.length}`);
      assert(checks.every((c) => c.includes('Pass:')), `not every check passed:\n${checks.join('\n')}`);
      assert((await exercise1.getAttribute('data-passed')) === 'true', 'the exercise is not marked passed');
      assert(await exercise1.locator('[aria-live="polite"]').count() === 1, 'the result region is not aria-live');
      await exercise1.scrollIntoViewIfNeeded();
      await shot(page, 'lesson-checked.png');
    });

    await step('"Run in terminal" types a command block into the terminal, replacing a half-typed line', async () => {
      await page.locator('.xterm-helper-textarea').focus();
      await page.keyboard.type('half-typed');
      const block = page.locator('figure.code', { hasText: 'grep Annotations' });
      await block.getByRole('button', { name: 'Run in terminal' }).click();
      await waitForTerminal(page, /Annotations:\s+created-by: cluster admin/, 'the Annotations line of describe',
        { after: '$ kubectl describe pods pod-example | grep Annotations' });
    });

    await step('Shift+Tab moves the focus out of the terminal', async () => {
      await page.locator('.xterm-helper-textarea').focus();
      await page.keyboard.press('Shift+Tab');
      const focused = await page.evaluate(() => document.activeElement?.className ?? '');
      assert(!focused.includes('xterm-helper-textarea'), 'the focus stayed in the terminal (keyboard trap)');
    });

    await step('a reload brings back the progress and the pod', async () => {
      await page.waitForTimeout(1200); // the journal is saved at most once a second (and on pagehide)
      await page.reload();
      await waitForTerminalReady(page);
      assert((await exercise1.getAttribute('data-passed')) === 'true', 'the passed exercise is no longer marked passed');
      // A command not typed before the reload, so the replayed transcript cannot answer for it.
      await typeLines(page, ['kubectl get pod pod-example']);
      await waitForTerminal(page, /^pod-example\s+1\/1\s+Running\s+0\s+(\d+m)?\d+s\s*$/m, 'pod-example after the reload',
        { after: '$ kubectl get pod pod-example' });
    });

    await step('the Chinese lesson has <html lang="zh-Hans"> and shares the progress', async () => {
      await page.getByRole('link', { name: '中文' }).click();
      await page.waitForURL(`**/zh${lessonPath}`);
      assert((await page.getAttribute('html', 'lang')) === 'zh-Hans', '<html lang> is not "zh-Hans"');
      assert((await page.locator('h1').innerText()).trim() === lesson.title.zh, 'the Chinese title is not the h1');
      await waitForTerminalReady(page);
      const badge = await page.locator(`section[data-exercise="${firstExercise.id}"] [data-testid="exercise-status"]`).innerText();
      assert(badge.includes('已通过'), `exercise 1 is not shown as passed in Chinese: ${badge}`);
      await shot(page, 'lesson-zh.png');
    });

    await step('the home page shows the lesson\'s progress', async () => {
      await page.goto(`${server.baseUrl}/`);
      const progress = await page.locator('[data-testid="lesson-progress"]').first().innerText();
      assert(progress.includes(`1 of ${lesson.exercises.length} done`), `progress reads "${progress}"`);
    });

    await step('Reset lab empties the cluster after confirmation and keeps the progress', async () => {
      await page.goto(`${server.baseUrl}${lessonPath}`);
      await waitForTerminalReady(page);
      await page.getByRole('button', { name: 'Reset lab' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await shot(page, 'reset-dialog.png');
      await dialog.getByRole('button', { name: 'Reset', exact: true }).click();
      await waitForTerminalReady(page);
      await typeLines(page, ['kubectl get pods']);
      await waitForTerminal(page, /No resources found in default namespace\./, 'an empty cluster', { after: '$ kubectl get pods' });
      assert((await exercise1.getAttribute('data-passed')) === 'true', 'the reset cleared the progress');
      // Straight away, a reload must bring back the fresh lab, not the one before the reset.
      await page.reload();
      await waitForTerminalReady(page);
      await typeLines(page, ['kubectl get pods -o name']);
      await waitForTerminal(page, /No resources found in default namespace\./, 'an empty cluster after a reload',
        { after: '$ kubectl get pods -o name' });
    });

    await step('the lesson fits a phone screen', async () => {
      const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
      const mobile = await phone.newPage();
      watchPage(mobile, 'phone', server.baseUrl);
      await mobile.goto(`${server.baseUrl}${lessonPath}`);
      await waitForTerminalReady(mobile);
      const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      await shot(mobile, 'lesson-phone.png');
      await mobile.locator('.terminal-dock').scrollIntoViewIfNeeded();
      await shot(mobile, 'lesson-phone-terminal.png');
      await phone.close();
    });

    await step('an unknown address answers 404', async () => {
      const response = await page.request.get(`${server.baseUrl}/no-such-page`);
      assert(response.status() === 404, `GET /no-such-page answered ${response.status()}`);
    });

    await step('no console errors, no uncaught exceptions, no requests outside the site', async () => {
      assert(problems.length === 0, problems.join('\n'));
    });
  } catch (error) {
    if (!(error instanceof StepFailure)) {
      failed++;
      log(`  ✗ ${error?.stack ?? error}`);
    }
    if (page) await shot(page, 'failure.png').catch(() => {});
    if (problems.length) log(`  page problems so far:\n    ${problems.join('\n    ')}`);
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
  log(`\n${passed} passed, ${failed} failed (${((Date.now() - startedAt) / 1000).toFixed(1)} s); screenshots in test-results/`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error) => {
  log(`browser test could not run: ${error?.stack ?? error}`);
  log(`\n${passed} passed, ${failed + 1} failed`);
  process.exitCode = 1;
});
