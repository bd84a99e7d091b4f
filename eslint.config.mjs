import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

const projectRoot = import.meta.dirname;

const config = [
  { ignores: ['.next/**', 'node_modules/**', 'next-env.d.ts', 'coverage/**', 'test-results/**'] },
  ...next,
  ...nextTs,
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['**/*.ts', '**/*.tsx'] })),
  {
    // @next/next rules look for pages/ and app/ under `rootDir`, which defaults to the process cwd; pin it to this
    // project so linting from another directory finds app/ instead of warning "Pages directory cannot be found".
    settings: { next: { rootDir: projectRoot } },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      // lib/ is the simulation core: no wall clock, no unseeded randomness, no DOM (STYLE.md §1-2).
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'setTimeout', 'setInterval'],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Use the cluster clock.' },
        { object: 'Math', property: 'random', message: 'Use the cluster random source.' },
        { object: 'performance', property: 'now', message: 'Use the cluster clock.' }],
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'next', 'next/*', '@xterm/*', 'node:*'] }],
    },
  },
  {
    // Server-side loaders (content, runners) may read files; they never ship to the browser.
    files: ['lib/**/*.server.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'next', 'next/*', '@xterm/*'] }],
    },
  },
  {
    // The browser test is a plain Node ES module.
    files: ['tests/browser/**/*.mjs', '.ci/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly' } },
  },
];

export default config;
