import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

// Module boundaries are the architecture: a front end importing libs/data, or domain importing
// anything of ours, is a lint error, not a code-review comment.
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  // Layout is Prettier's job (`npm run lint` checks it): no ESLint rule may argue with it.
  prettier,
  {
    ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.data', '**/tmp', '**/vite.config.*.timestamp*'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:config', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:mail', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:config'] },
            {
              sourceTag: 'type:jobs',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:config', 'type:data'],
            },
            {
              // Each feature's HTTP side, jobs, SQL and email templates, imported by both apps.
              sourceTag: 'type:features',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:contracts',
                'type:config',
                'type:data',
                'type:jobs',
                'type:mail',
              ],
            },
            { sourceTag: 'scope:frontend', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
            {
              sourceTag: 'scope:server',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:contracts',
                'type:config',
                'type:data',
                'type:jobs',
                'type:mail',
                'type:features',
              ],
            },
            { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // End-to-end tests boot the apps' own composition roots (createApiApp, createWorkerApp) so
    // they test exactly what runs in production; nothing imports from tests.
    files: ['tests/**/*'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
