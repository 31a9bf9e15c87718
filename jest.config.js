/** Two projects: fast unit tests beside the code, and the wire-level e2e suite. */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const shared = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
};

module.exports = {
  // The e2e log scan for secrets runs after every other spec (unit and int order is Jest's own).
  testSequencer: '<rootDir>/e2e/support/last-spec.sequencer.js',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/tools/**/*.spec.ts',
      ],
    },
    {
      ...shared,
      displayName: 'int',
      testMatch: ['<rootDir>/apps/**/test/**/*.int-spec.ts', '<rootDir>/libs/**/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/e2e/support/long-timeout.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
      // Some specs are about one mode: restarting the embedded process, or events on real Kafka.
      testPathIgnorePatterns: [
        process.env.IDFED_E2E_MODE === 'distributed' ? '/e2e/embedded-only/' : '/e2e/distributed-only/',
      ],
      globalSetup: '<rootDir>/e2e/support/global-setup.ts',
      globalTeardown: '<rootDir>/e2e/support/global-teardown.ts',
      // Every secret the specs send or receive is recorded; the last spec looks for them in the logs.
      setupFilesAfterEnv: [
        '<rootDir>/e2e/support/long-timeout.ts',
        '<rootDir>/e2e/support/record-secrets.ts',
      ],
    },
  ],
};
