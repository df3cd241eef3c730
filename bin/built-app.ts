/**
 * The built app (dist/), as Zapier runs it. It is loaded by path at run time so that type
 * checks pass on a fresh clone before any build, and typed as the source it is built from.
 */
import { fileURLToPath } from 'node:url';
import type App from '../src/index.js';

export type BuiltApp = typeof App;

const BUILT_APP_ENTRY = fileURLToPath(new URL('../dist/src/index.js', import.meta.url));

export const loadBuiltApp = async (): Promise<BuiltApp> => ((await import(BUILT_APP_ENTRY)) as { default: BuiltApp }).default;
