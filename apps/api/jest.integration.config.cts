/**
 * Integration tests of the API and the worker against the real PostgreSQL and Redis.
 * Each run creates its own database (migrated) and Redis key prefix, and removes them at the end.
 */
module.exports = {
  displayName: 'api-integration',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: [
    '<rootDir>/src/**/*.integration-spec.ts',
    '<rootDir>/test/**/*.integration-spec.ts',
  ],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  // otplib's crypto and base32 dependencies ship only as ES modules: let ts-jest turn them into CommonJS.
  transformIgnorePatterns: [
    '/node_modules/(?!(@noble|@scure|otplib|@otplib)/)',
  ],
  moduleFileExtensions: ['ts', 'js'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 30000,
};
