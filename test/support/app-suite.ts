/**
 * What the app suites (test/app) share to run a step: core's app tester on the app, nock and the
 * test hosts for the file, the two ways a step is run, and the records and fixtures they read.
 * Each suite still pins its own requests and the exact values it expects.
 */
import { beforeAll } from '@jest/globals';
import { readFileSync } from 'node:fs';
import zapier from 'zapier-platform-core';
import App from '../../src/index.js';
import { bundleWith, useTestHosts } from './bundle.js';
import { useNock } from '../../packages/toolkit/test/support/nock.js';
import { performAsProduction } from './production-input.js';
import { performOf } from '../../packages/toolkit/test/support/steps.js';

const appTester = zapier.createAppTester(App);

/** A record as a step returns it: flat, with its ID. */
export type FlatRecord = { id: string } & Record<string, unknown>;

/** A JSON:API resource as ScopeStack sends it. */
export interface Resource {
  id: string;
  type: string;
  links?: Record<string, unknown>;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { links?: unknown; data?: unknown }>;
}

/** A JSON:API document of one record with what it includes: how ScopeStack answers a GET, POST or PATCH. */
export interface OneDocument {
  data: Resource;
  included: Resource[];
}

/** A document kept in test/fixtures, such as `projects/one.json`. */
export const fixture = (path: string): OneDocument =>
  JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')) as OneDocument;

/** nock for the file, and the app pointed at the hosts nock intercepts. */
export const useAppSuite = (): void => {
  useNock();
  beforeAll(useTestHosts);
};

export type Step = Parameters<typeof performOf>[0];
export type Input = Record<string, unknown>;

/**
 * Runs a step's perform with `input` as given, as the triggers and searches are tested; `meta`
 * adds to the bundle's (page 0): a later page, a limit, a sample.
 */
export const runStep = <T = FlatRecord[]>(step: Step, input: Input = {}, meta: Record<string, unknown> = {}): Promise<T> =>
  appTester(performOf<T>(step), { ...bundleWith(input), meta: { page: 0, ...meta } });

/** Runs a step's perform with `input` as Zapier production delivers it (typed fields converted), as the writes are tested. */
export const runAsProduction = <T = FlatRecord>(step: Step, input: Input): Promise<T> =>
  performAsProduction<T>(appTester, step, bundleWith(input));
