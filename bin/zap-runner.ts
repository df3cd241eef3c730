/**
 * Drives the built app the way Zapier does: connect (session exchange, then the connection
 * test), run steps with the stored auth data, and when a step asks for a renewal
 * (RefreshAuthError) run the exchange once, keep what it returns and retry the step once.
 * Every step gets its input as Zapier production delivers it (converted by field type).
 * Shared by `npm start`, the end-to-end tests and the benchmarks.
 */
import { channel } from 'node:diagnostics_channel';
import zapier from 'zapier-platform-core';
import { asProductionDelivers } from '../test/support/production-input.js';

export type StepKind = 'triggers' | 'searches' | 'creates';
type Perform = (z: zapier.ZObject, bundle: zapier.Bundle) => Promise<unknown>;
type AppShape = {
  authentication?: { sessionConfig?: { perform: unknown }; test: unknown; connectionLabel?: unknown };
} & Partial<Record<StepKind, Record<string, { operation: object }>>>;

export type AuthData = Record<string, string>;

/** Counts every HTTP request this process starts, whatever host it goes to. */
const requests = { started: 0 };
channel('http.client.request.start').subscribe(() => {
  requests.started += 1;
});

/** HTTP requests this process has started so far. */
export const httpRequestCount = (): number => requests.started;

export interface StepOutcome<T> {
  result: T;
  /** HTTP requests the step cost, renewals included. */
  requests: number;
  renewed: boolean;
  /** Requests made resolving the step's fields, as when the Zap was set up: not the step's. */
  setUp?: number;
}

/** What a later Zap step receives of a file a step handed on (Zapier's stash keeps it and gives a URL). */
export interface StashedFile {
  name: string;
  type: string;
  size: number;
}

interface RawDownload {
  url: string;
  headers: { get: (name: string) => string | null };
  buffer: () => Promise<Buffer>;
}

/** `hydrate|||{"type":"file","method":"hydrators.x","bundle":{…}}|||hydrate`, as core writes it outside Zapier. */
const readPointer = (pointer: string): { method: string; bundle: Record<string, unknown> } => {
  const match = /^hydrate\|\|\|(.*)\|\|\|hydrate$/s.exec(pointer);
  if (!match?.[1]) throw new Error(`Not a file pointer: ${pointer.slice(0, 40)}`);
  return JSON.parse(match[1]) as { method: string; bundle: Record<string, unknown> };
};

/** What one poll of a turned-on Zap brought: the records Zapier would fire for. */
export interface PollOutcome<T> {
  fired: T[];
  requests: number;
}

export class ZapRunner {
  readonly #app: AppShape;
  /** Zapier's dedupe memory, per trigger and input: the IDs each Zap has already seen. */
  readonly #seen = new Map<string, Set<string>>();
  readonly #tester: ReturnType<typeof zapier.createAppTester>;
  authData: AuthData;
  renewals = 0;

  constructor(app: object, credentials: AuthData) {
    this.#app = app;
    this.#tester = zapier.createAppTester(app);
    this.authData = { ...credentials };
  }

  #authFunction(name: 'perform' | 'test' | 'connectionLabel'): Perform {
    const authentication = this.#app.authentication;
    const fn = name === 'perform' ? authentication?.sessionConfig?.perform : authentication?.[name];
    if (typeof fn !== 'function') throw new Error(`The app has no authentication ${name} function.`);
    return fn as Perform;
  }

  /** The session exchange; what it returns is merged into auth data, as Zapier does. */
  async renew(): Promise<void> {
    const fresh = (await this.#tester(this.#authFunction('perform'), { authData: this.authData })) as AuthData;
    this.authData = { ...this.authData, ...fresh };
  }

  /** Connects like the Zap editor: exchange, then the connection test, whose result labels it. */
  async connect(): Promise<StepOutcome<Record<string, string> & { label: string }>> {
    const before = httpRequestCount();
    await this.renew();
    const result = (await this.#tester(this.#authFunction('test'), { authData: this.authData })) as Record<string, string>;
    const label = (await this.#tester(this.#authFunction('connectionLabel'), { authData: this.authData, inputData: result })) as string;
    return { result: { ...result, label }, requests: httpRequestCount() - before, renewed: false };
  }

  /**
   * Polls a trigger as a turned-on Zap: the first poll only fills the dedupe memory (Zapier fires
   * nothing for records that existed when the Zap was turned on), later polls fire for IDs not
   * seen before.
   */
  async poll<T extends { id: string }>(key: string, inputData: Record<string, unknown> = {}): Promise<PollOutcome<T>> {
    const zap = `${key} ${JSON.stringify(inputData)}`;
    const seen = this.#seen.get(zap);
    const { result, requests } = await this.run<T[]>('triggers', key, inputData, seen ? {} : { isPopulatingDedupe: true });
    const fired = seen ? result.filter((record) => !seen.has(record.id)) : [];
    this.#seen.set(zap, new Set([...(seen ?? []), ...result.map((record) => record.id)]));
    return { fired, requests };
  }

  /**
   * Uses a file a step handed on, as a later step would: runs the app's hydrator with a stand-in
   * for Zapier's stash (which needs Zapier's servers) that downloads the file and reports it.
   */
  async hydrate(pointer: string): Promise<StepOutcome<StashedFile>> {
    const { method, bundle } = readPointer(pointer);
    const hydrator = method.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], this.#app);
    if (typeof hydrator !== 'function') throw new Error(`The app has no hydrator ${method}.`);
    const stashed: StashedFile[] = [];
    const withLocalStash: Perform = (z, inner) =>
      (hydrator as Perform)(
        {
          ...z,
          stashFile: async (download: Promise<RawDownload>) => {
            const response = await download;
            const body = await response.buffer();
            const name = decodeURIComponent(new URL(response.url).pathname.split('/').at(-1) ?? 'file');
            stashed.push({ name, type: response.headers.get('content-type') ?? 'unknown', size: body.length });
            return `stash://${name}`;
          },
        } as unknown as zapier.ZObject,
        inner,
      );
    const before = httpRequestCount();
    await this.#tester(withLocalStash, { authData: this.authData, inputData: bundle });
    const [file] = stashed;
    if (!file) throw new Error('The hydrator did not stash a file.');
    return { result: file, requests: httpRequestCount() - before, renewed: false };
  }

  /** The input fields Zapier would show for a step: static ones, and dynamic ones resolved as the editor does. */
  async inputFields(kind: StepKind, key: string, inputData: Record<string, unknown> = {}): Promise<StepOutcome<{ key: string }[]>> {
    const step = this.#app[kind]?.[key];
    if (!step) throw new Error(`No ${kind} step named ${key}.`);
    const entries = (step.operation as { inputFields?: unknown[] }).inputFields ?? [];
    const before = httpRequestCount();
    const fields: { key: string }[] = [];
    for (const entry of entries) {
      if (typeof entry === 'function')
        fields.push(...((await this.#tester(entry as Perform, { authData: this.authData, inputData })) as { key: string }[]));
      else fields.push(entry as { key: string });
    }
    return { result: fields, requests: httpRequestCount() - before, renewed: false };
  }

  async run<T = unknown>(
    kind: StepKind,
    key: string,
    inputData: Record<string, unknown> = {},
    meta: Record<string, unknown> = {},
  ): Promise<StepOutcome<T>> {
    const step = this.#app[kind]?.[key];
    if (!step) throw new Error(`No ${kind} step named ${key}.`);
    const perform = (step.operation as { perform: Perform }).perform;
    const before = httpRequestCount();
    // Requests that resolve the step's fields were made when the Zap was set up, not by the step.
    let setUpRequests = 0;
    const attempt = async () => {
      const start = httpRequestCount();
      const bundle = { authData: this.authData, inputData, meta: { page: 0, ...meta } };
      const delivered = await asProductionDelivers(this.#tester, step.operation, bundle);
      setUpRequests += httpRequestCount() - start;
      return (await this.#tester(perform, { ...bundle, inputData: delivered })) as T;
    };
    const spent = () => httpRequestCount() - before - setUpRequests;
    try {
      return { result: await attempt(), requests: spent(), renewed: false, setUp: setUpRequests };
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'RefreshAuthError') throw error;
      // Zapier renews once and retries once; a second RefreshAuthError fails the step.
      await this.renew();
      this.renewals += 1;
      return { result: await attempt(), requests: spent(), renewed: true, setUp: setUpRequests };
    }
  }
}
