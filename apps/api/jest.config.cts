module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  // otplib's crypto and base32 dependencies ship only as ES modules: let ts-jest turn them into CommonJS.
  transformIgnorePatterns: [
    '/node_modules/(?!(@noble|@scure|otplib|@otplib)/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/apps/api',
};
