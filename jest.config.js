// @ts-check

// One jest run, three projects (unit, e2e, browser), one summary at the end of `npm test`.
// SWC compiles TypeScript with decorator metadata (Nest DI needs it); type errors are caught by
// the separate `typecheck` targets, so tests don't pay for type-checking twice.
/** @type {import('jest').Config['transform']} */
const swcTransform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true, tsx: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
    },
  ],
};

const moduleNameMapper = {
  '^@trellis/(domain|contracts|config|data|features|jobs|mail)$': '<rootDir>/libs/$1/src/index.ts',
};

/** @type {import('jest').Config} */
const config = {
  reporters: ['default', '<rootDir>/tests/support/summary-line.reporter.js'],
  projects: [
    {
      displayName: 'unit',
      rootDir: '.',
      testEnvironment: 'node',
      transform: swcTransform,
      moduleNameMapper,
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'],
    },
    {
      displayName: 'e2e',
      rootDir: '.',
      testEnvironment: 'node',
      transform: swcTransform,
      moduleNameMapper,
      testMatch: ['<rootDir>/tests/{e2e,security,reliability}/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
      setupFiles: ['<rootDir>/tests/support/test-env.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/per-file-database.ts'],
      testTimeout: 30000,
    },
    {
      // Real Chromium (Debian's, driven by playwright-core) against the real API serving the built
      // front ends from dist/apps: `npm test` builds them first.
      displayName: 'browser',
      rootDir: '.',
      testEnvironment: 'node',
      transform: swcTransform,
      moduleNameMapper,
      testMatch: ['<rootDir>/tests/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
      setupFiles: ['<rootDir>/tests/support/test-env.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/per-file-database.ts'],
      testTimeout: 60000,
    },
  ],
};

module.exports = config;
