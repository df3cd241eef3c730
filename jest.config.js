/** ESM TypeScript through ts-jest; types are checked once, by `npm run check`. Console output of the code under test is kept quiet: `--silent=false` shows it. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // jest 29's resolver misses chrono-node's subpath pattern exports ("./*"); Node and the build find it.
    '^chrono-node/en$': '<rootDir>/node_modules/chrono-node/dist/esm/locales/en/index.js',
  },
  // The toolkit package: its build for the built app, its sources for everything else.
  resolver: '<rootDir>/jest-resolver.cjs',
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }],
  },
  // The build copies package.json into dist/; jest must not see two packages of one name.
  // Stryker's working copy (.stryker-tmp) holds a second copy of the project.
  modulePathIgnorePatterns: ['<rootDir>/dist/package.json', '<rootDir>/packages/toolkit/dist/', '<rootDir>/.stryker-tmp/'],
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/packages/toolkit/test/**/*.test.ts', '<rootDir>/connectors/*/test/**/*.test.ts'],
  testTimeout: 20000,
  silent: true,
};
