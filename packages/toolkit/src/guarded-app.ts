/**
 * Every function Zapier runs for the app (a step's perform, its dynamic fields, the connection's
 * exchange and test) as one guarded invocation: it runs inside its own time budget
 * (step-budget.ts), and what it throws carries no secret of the connection (secret-scrub.ts),
 * whatever the server quoted back. Hydrators stay as they are: core finds them by identity, and a
 * download is one request with its own timeout.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { appError, ErrorCode } from './app-errors.js';
import { isNetworkError, networkReason } from './network-errors.js';
import { scrubSecrets } from './secret-scrub.js';
import { withinBudget, writesSent } from './step-budget.js';
import { LONE_SURROGATES } from './text.js';

export interface GuardConfig {
  /** The service's name, for the message of a connection that failed. */
  readonly service: string;
  /** Auth data keys whose values are secrets (client secret, password, tokens). */
  readonly secrets: readonly string[];
  /** The key of the client ID, whose pairing with the secret (a Basic header) is a secret too. */
  readonly clientId?: string;
}

type Invocation = (z: ZObject, bundle: Bundle, ...rest: unknown[]) => unknown;

const secretsOf = (bundle: Bundle | undefined, keys: GuardConfig): string[] =>
  keys.secrets.map((key) => bundle?.authData[key]).filter((value): value is string => typeof value === 'string' && value !== '');

/**
 * A connection that failed below HTTP and that nothing else explained (a check, a raw request):
 * its cause in words, never its URL, and whether a write of the step may have happened.
 */
const connectionFailed = (z: ZObject, error: Error, service: string): Error => {
  const writes = writesSent();
  const outcome =
    writes.length > 0
      ? ` This step had asked to ${writes.join(', then ')}, which may have happened: check ${service} before running it again.`
      : ' Try again in a few minutes.';
  return appError(z, { code: ErrorCode.Api, message: `The connection to ${service} failed (${networkReason(error)}).${outcome}` });
};

/**
 * Core's log scrubber percent-encodes every secret of the bundle when it logs a failure, and a
 * secret holding half a character pair makes that throw, which leaves the invocation hanging.
 * Such a secret is made encodable in this invocation's copy of the bundle before the failure
 * leaves (it could not have been sent anyway, and nothing stores this copy).
 */
const makeSecretsLoggable = (bundle: Bundle, keys: GuardConfig): void => {
  for (const key of keys.secrets) {
    const value = bundle.authData[key];
    if (typeof value === 'string') bundle.authData[key] = value.replace(LONE_SURROGATES, '\uFFFD');
  }
};

/** One function, guarded. */
const guarded = <F extends Invocation>(run: F, keys: GuardConfig): F =>
  ((z: ZObject, bundle: Bundle, ...rest: unknown[]) =>
    withinBudget(async () => {
      try {
        return await run(z, bundle, ...rest);
      } catch (caught) {
        const error = isNetworkError(caught) ? connectionFailed(z, caught, keys.service) : caught;
        // Core's own renewal request on a 401 carries no words; Zapier acts on it, a developer reads it.
        if (error instanceof Error && error.name === 'RefreshAuthError' && error.message === '') {
          error.message = `${keys.service} refused the stored access token (401); it is being renewed. (With zapier-platform invoke: run \`invoke auth refresh\`.)`;
        }
        makeSecretsLoggable(bundle, keys);
        if (error instanceof Error) {
          const clientId = keys.clientId ? bundle.authData[keys.clientId] : undefined;
          error.message = scrubSecrets(error.message, secretsOf(bundle, keys), typeof clientId === 'string' ? clientId : undefined);
        }
        throw error;
      }
    })) as F;

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;

/** Guards a function, or each function of a list (dynamic input fields). */
const guardFunctions = (value: unknown, keys: GuardConfig): unknown => {
  if (typeof value === 'function') return guarded(value as Invocation, keys);
  if (Array.isArray(value))
    return (value as unknown[]).map((item) => (typeof item === 'function' ? guarded(item as Invocation, keys) : item));
  return value;
};

const guardOperation = (operation: Node, keys: GuardConfig): Node =>
  Object.fromEntries(
    Object.entries(operation).map(([name, value]) => [
      name,
      ['perform', 'performList', 'performGet', 'performResume', 'inputFields', 'outputFields'].includes(name)
        ? guardFunctions(value, keys)
        : value,
    ]),
  );

const guardSteps = (steps: unknown, keys: GuardConfig): unknown =>
  isNode(steps)
    ? Object.fromEntries(
        Object.entries(steps).map(([key, step]) => [
          key,
          isNode(step) && isNode(step['operation']) ? { ...step, operation: guardOperation(step['operation'], keys) } : step,
        ]),
      )
    : steps;

/** The app with every function Zapier invokes guarded; everything else as it was. */
export const guardedApp = <A extends object>(app: A, keys: GuardConfig): A => {
  const node: Node = { ...(app as Record<string, unknown>) };
  const authentication = isNode(node['authentication']) ? node['authentication'] : undefined;
  const session = isNode(authentication?.['sessionConfig']) ? authentication['sessionConfig'] : undefined;
  return {
    ...app,
    ...(authentication
      ? {
          authentication: {
            ...authentication,
            test: guardFunctions(authentication['test'], keys),
            ...(session ? { sessionConfig: { ...session, perform: guardFunctions(session['perform'], keys) } } : {}),
          },
        }
      : {}),
    triggers: guardSteps(node['triggers'], keys),
    searches: guardSteps(node['searches'], keys),
    creates: guardSteps(node['creates'], keys),
  };
};
