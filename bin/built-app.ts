/**
 * The built app (dist/), as Zapier runs it. It is loaded by path at run time so that type
 * checks pass on a fresh clone before any build, and typed as the source it is built from.
 */
import { fileURLToPath } from 'node:url';
import type App from '../src/index.js';

export type BuiltApp = typeof App;

const BUILT_APP_ENTRY = fileURLToPath(new URL('../dist/src/index.js', import.meta.url));

export const loadBuiltApp = async (): Promise<BuiltApp> => ((await import(BUILT_APP_ENTRY)) as { default: BuiltApp }).default;

type Clock = typeof import('connector-toolkit/clock.js').clock;

/**
 * Makes the built app's waits (for a document) advance a simulated ScopeStack's clock instead
 * of sleeping: the same clock module instance the app waits on, so runs stay fast and exact.
 * The app's own clock moves with them, so a wait still counts against a step's time budget.
 */
export const simulateWaits = async (advanceSeconds: (seconds: number) => void): Promise<void> => {
  const entry = fileURLToPath(new URL('../packages/toolkit/dist/clock.js', import.meta.url));
  const { clock } = (await import(entry)) as { clock: Clock };
  let waited = 0;
  clock.now = () => Date.now() + waited;
  clock.sleep = (ms) => {
    waited += ms;
    advanceSeconds(ms / 1000);
    return Promise.resolve();
  };
};
