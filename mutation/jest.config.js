/**
 * The suites that import the sources directly, for `npm run mutate`. The end-to-end, fault and build
 * suites drive the built dist/ app, which a mutant of src/ never reaches, so they would only slow Stryker.
 */
import base from '../jest.config.js';

export default {
  ...base,
  rootDir: '..',
  runner: '<rootDir>/mutation/test-file-runner.cjs',
  // Every test takes well under a second; a mutant that leaves a request or a wait hanging fails
  // its tests after 5 s instead of the suite's 20 s.
  testTimeout: 5000,
  testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/properties/**/*.test.ts', '<rootDir>/test/app/**/*.test.ts'],
};
