import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['.next/**', 'node_modules/**', 'next-env.d.ts', 'coverage/**'] },
  ...next,
  ...nextTs,
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['**/*.ts', '**/*.tsx'] })),
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
];
