/**
 * The contract with every Zap built on an app: its step keys and field keys. A Zap stores them,
 * so one that disappears breaks it. The committed list may only grow: a step is retired by hiding
 * it, never by deleting it. `UPDATE_KEYS=1` adds new keys to the list.
 */
import { readFileSync, writeFileSync } from 'node:fs';

type Keys = Record<string, string[]>;

interface Operation {
  inputFields?: unknown[];
  outputFields?: unknown[];
}

/** Static fields' keys (a function is a dynamic field, resolved per account). */
const fieldKeys = (fields: unknown[] | undefined): string[] =>
  (fields ?? []).flatMap((field) => (typeof field === 'object' && field !== null && 'key' in field ? [String(field.key)] : []));

const currentKeysOf = (App: object): Keys => {
  const keys: Keys = {};
  const app = App as unknown as Record<string, Record<string, { operation?: Operation }> | undefined> & {
    authentication?: { fields?: unknown[] };
  };
  keys['authentication'] = fieldKeys(app.authentication?.fields);
  for (const kind of ['triggers', 'searches', 'creates', 'searchOrCreates'] as const) {
    for (const [key, step] of Object.entries(app[kind] ?? {})) {
      const operation = step.operation ?? {};
      keys[`${kind}.${key}`] = [...new Set([...fieldKeys(operation.inputFields), ...fieldKeys(operation.outputFields)])].sort();
    }
  }
  return keys;
};

/** The key-contract tests for `App` against its committed list `file`. */
export const checkKeyContract = (App: object, file: URL): void => {
  const committed = (): Keys => JSON.parse(readFileSync(file, 'utf8')) as Keys;
  const currentKeys = (): Keys => currentKeysOf(App);

  describe('the key contract', () => {
    if (process.env['UPDATE_KEYS'] === '1') {
      const merged: Keys = { ...committed() };
      for (const [step, keys] of Object.entries(currentKeys())) merged[step] = [...new Set([...(merged[step] ?? []), ...keys])].sort();
      writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
    }

    it('keeps every step and field key a Zap may have stored', () => {
      const now = currentKeys();
      const missing = Object.entries(committed()).flatMap(([step, keys]) =>
        now[step] === undefined
          ? [`${step} (the whole step: hide it instead)`]
          : keys.filter((key) => !now[step]?.includes(key)).map((key) => `${step}: ${key}`),
      );
      expect(missing).toEqual([]);
    });

    it('lists every key the app has (UPDATE_KEYS=1 adds new ones)', () => {
      const listed = committed();
      const unlisted = Object.entries(currentKeys()).flatMap(([step, keys]) =>
        listed[step] === undefined ? [step] : keys.filter((key) => !listed[step]?.includes(key)).map((key) => `${step}: ${key}`),
      );
      expect(unlisted).toEqual([]);
    });
  });
};
