/**
 * Locales of the course and the interface strings of the site, in each of them.
 * English lives at `/…`, Simplified Chinese at `/zh/…`; lesson prose lives in `lesson.<locale>.mdx`.
 * Pure data: shared by server pages and client components.
 */

export const locales = ['en', 'zh'] as const;
export type Locale = (typeof locales)[number];

/** BCP 47 tag for `<html lang>` and `hreflang`. */
export const htmlLang: Record<Locale, string> = { en: 'en', zh: 'zh-Hans' };

/** The name of each locale, written in that locale (for the language switch). */
export const localeName: Record<Locale, string> = { en: 'English', zh: '中文' };

/** Site path for `path` (which starts with `/`) in `locale`: `/lessons/x` → `/zh/lessons/x`. */
export function localePath(locale: Locale, path: string): string {
  if (locale === 'en') return path;
  return path === '/' ? '/zh' : `/zh${path}`;
}

const en = {
  siteName: 'PodLab',
  tagline: 'Learn Kubernetes Pods by doing',
  pitch: 'Type real kubectl commands against a Kubernetes cluster that runs entirely in your browser, and get every exercise checked against the cluster’s actual state.',
  lessonsHeading: 'Lessons',
  lessonLabel: (n: number) => `Lesson ${n}`,
  exerciseCount: (n: number) => (n === 1 ? '1 exercise' : `${n} exercises`),
  progress: (done: number, total: number) => `${done} of ${total} done`,
  progressComplete: 'Completed',
  progressNone: 'Not started',
  start: 'Start lesson',
  continue: 'Continue',
  howHeading: 'How it works',
  how: [
    'Each lesson pairs short explanations with a terminal connected to a simulated cluster: a scheduler, a kubelet, container images that take time to pull.',
    'Commands behave like kubectl v1.34, errors included. Nothing leaves your machine.',
    'Exercises are graded on the state of the cluster, not on what you typed. Your progress and your cluster are saved in this browser.',
  ],
  skipToContent: 'Skip to content',
  language: 'Language',
  home: 'All lessons',
  previous: 'Previous',
  next: 'Next',
  // Terminal
  terminal: 'Terminal',
  terminalLabel: 'Terminal connected to the simulated cluster. Type commands and press Enter.',
  terminalLoading: 'Starting the cluster…',
  terminalError: 'The terminal could not start. Reload the page to try again.',
  restoreFailed: 'Your saved cluster could not be restored, so a fresh one was started.',
  screenReaderMode: 'Screen reader mode',
  terminalHint: 'Shift+Tab, or Esc then Tab, leaves the terminal. ↑ and ↓ recall earlier commands; Ctrl+C cancels.',
  clusterTime: 'Cluster time',
  paused: 'paused',
  resetLab: 'Reset lab',
  resetTitle: 'Reset the lab?',
  resetBody: 'This deletes every object in the simulated cluster, your files and your command history. Exercises you have passed stay passed.',
  resetConfirm: 'Reset',
  cancel: 'Cancel',
  // Commands
  copy: 'Copy',
  copied: 'Copied',
  run: 'Run',
  runInTerminal: 'Run in terminal',
  runCommand: (cmd: string) => `Run in terminal: ${cmd}`,
  // Exercises
  exercise: (n: number) => `Exercise ${n}`,
  check: 'Check',
  passed: 'Passed',
  notPassed: 'Not passed yet',
  allChecksPass: 'All checks pass.',
  someChecksFail: (failed: number, total: number) => `${failed} of ${total} checks fail.`,
  checkPassed: 'Pass',
  checkFailed: 'Fail',
  expected: 'Expected',
  found: 'Found',
  unknownExercise: (id: string) => `Unknown exercise "${id}"`,
  notFoundTitle: 'Page not found',
  notFoundBody: 'There is no page at this address.',
  footer: 'The cluster runs in your browser; nothing you type leaves this page.',
};

export type Messages = typeof en;

const zh: Messages = {
  siteName: 'PodLab',
  tagline: '动手学习 Kubernetes Pod',
  pitch: '在完全运行于浏览器中的 Kubernetes 集群上输入真实的 kubectl 命令，每道练习都依据集群的实际状态评判。',
  lessonsHeading: '课程',
  lessonLabel: (n: number) => `第 ${n} 课`,
  exerciseCount: (n: number) => `${n} 道练习`,
  progress: (done: number, total: number) => `已完成 ${done}/${total}`,
  progressComplete: '已完成',
  progressNone: '尚未开始',
  start: '开始学习',
  continue: '继续学习',
  howHeading: '使用方式',
  how: [
    '每一课都由简短的讲解和一个终端组成，终端连着一个模拟集群：有调度器、有 kubelet，拉取镜像也需要时间。',
    '命令的行为与 kubectl v1.34 一致，报错也一样。所有操作都在本机完成，不会发往任何服务器。',
    '练习依据集群的状态评判，而不是你输入了什么。学习进度和集群状态都保存在当前浏览器中。',
  ],
  skipToContent: '跳到正文',
  language: '语言',
  home: '全部课程',
  previous: '上一课',
  next: '下一课',
  terminal: '终端',
  terminalLabel: '连接到模拟集群的终端。输入命令后按回车执行。',
  terminalLoading: '正在启动集群…',
  terminalError: '终端未能启动，请刷新页面重试。',
  restoreFailed: '未能恢复之前保存的集群，已为你启动一个新的集群。',
  screenReaderMode: '屏幕阅读器模式',
  terminalHint: '按 Shift+Tab，或先按 Esc 再按 Tab，可离开终端。↑ 和 ↓ 调出之前的命令；Ctrl+C 取消输入。',
  clusterTime: '集群时间',
  paused: '已暂停',
  resetLab: '重置实验环境',
  resetTitle: '确定要重置实验环境吗？',
  resetBody: '这会删除模拟集群中的所有对象、你的文件和命令历史。已通过的练习仍记为通过。',
  resetConfirm: '重置',
  cancel: '取消',
  copy: '复制',
  copied: '已复制',
  run: '运行',
  runInTerminal: '在终端中运行',
  runCommand: (cmd: string) => `在终端中运行：${cmd}`,
  exercise: (n: number) => `练习 ${n}`,
  check: '检查',
  passed: '已通过',
  notPassed: '尚未通过',
  allChecksPass: '全部检查项通过。',
  someChecksFail: (failed: number, total: number) => `${total} 项检查中有 ${failed} 项未通过。`,
  checkPassed: '通过',
  checkFailed: '未通过',
  expected: '预期',
  found: '实际',
  unknownExercise: (id: string) => `未知的练习 "${id}"`,
  notFoundTitle: '页面不存在',
  notFoundBody: '这个地址上没有页面。',
  footer: '集群运行在你的浏览器中，你输入的内容不会离开本页面。',
};

export const messages: Record<Locale, Messages> = { en, zh };
