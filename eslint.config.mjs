import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

// What a feature may build on; the server apps may use all of it, and the features themselves.
const FEATURE_DEPENDENCIES = ['type:domain', 'type:contracts', 'type:config', 'type:data', 'type:jobs', 'type:mail'];

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
            // Each feature's HTTP side, jobs, SQL and email templates, imported by both apps.
            { sourceTag: 'type:features', onlyDependOnLibsWithTags: FEATURE_DEPENDENCIES },
            { sourceTag: 'scope:frontend', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: [...FEATURE_DEPENDENCIES, 'type:features'] },
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
  {
    // A feature's SQL lives in its repositories (and the SQL fragments and statement builders they
    // use): services, controllers, processors and composers call them, so every table a feature
    // touches can be found in one kind of file.
    files: ['libs/features/src/**/*.ts'],
    ignores: [
      '**/*.repository.ts',
      '**/*.sql.ts',
      '**/*.query.ts',
      '**/*.spec.ts',
      // The audit trail's writer and the session store are the data access of their own tables.
      'libs/features/src/audit/audit.service.ts',
      'libs/features/src/auth/postgres-session.store.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(query|getRepository|createQueryBuilder)$/]',
          message: 'SQL belongs in a *.repository.ts of the feature (see DEVELOPMENT.md, Repositories).',
        },
        {
          selector:
            "CallExpression[callee.object.name='manager'][callee.property.name=/^(find|findOne|findBy|findOneBy|findOneByOrFail|findAndCount|save|update|insert|upsert|delete|remove|count|exists|existsBy|increment)$/]",
          message: 'Reads and writes belong in a *.repository.ts of the feature (see DEVELOPMENT.md, Repositories).',
        },
      ],
    },
  },
];
