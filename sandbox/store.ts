import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isJsonObject, type JsonObject } from './json.js';

/** One JSON:API resource as the sandbox keeps it. */
export interface StoredRecord {
  id: string;
  type: string;
  accountId: number;
  /** Attribute values by their API (kebab-case) names; computed attributes are not stored. */
  attributes: JsonObject;
  /** To-one relationships: name -> target id, null when explicitly empty. */
  links: Record<string, string | null>;
  /** Sandbox bookkeeping that is never rendered (document generation progress, ...). */
  internal: JsonObject;
}

export type UserType = 'service' | 'licensed' | 'sales' | 'view_only';
export type Role = 'admin' | 'read_only';
export const ROLES: readonly Role[] = ['admin', 'read_only'];
export const NON_SERVICE_USER_TYPES: readonly UserType[] = ['licensed', 'sales', 'view_only'];

/** What the sandbox knows about a user beyond its public `users` record. */
export interface Identity {
  userId: string;
  accountId: number;
  userType: UserType;
  role: Role;
  email: string;
  uuid: string;
  /** sha256 of the password for the legacy password grant; null when the user has none. */
  passwordHash: string | null;
}

/** A service account's client credential (client_credentials grant). */
export interface ServiceCredential {
  clientId: string;
  userId: string;
  name: string;
  secretHash: string;
}

/** An account-level OAuth application (password and refresh_token grants). */
export interface AccountClient {
  clientId: string;
  accountId: number;
  name: string;
  secretHash: string;
}

export type GrantType = 'client_credentials' | 'password' | 'refresh_token';

/** An issued access token, looked up by its `jti`; deleting the row revokes the token. */
export interface AccessGrant {
  jti: string;
  userId: string;
  clientId: string;
  grantType: GrantType;
  issuedAt: number;
  expiresAt: number;
}

interface RefreshGrant {
  tokenHash: string;
  userId: string;
  clientId: string;
  used: boolean;
}

export interface State {
  version: 1;
  records: Record<string, StoredRecord[]>;
  /** Last id handed out per type, so deleted ids are never reused. */
  sequences: Record<string, number>;
  identities: Identity[];
  credentials: ServiceCredential[];
  accountClients: AccountClient[];
  accessTokens: AccessGrant[];
  refreshTokens: RefreshGrant[];
  /**
   * When set, a document takes exactly this many seconds of sandbox clock to generate, and reads
   * alone do not finish it (for timing a wait); otherwise the default rule of project-documents.ts.
   */
  documentSeconds?: number;
}

/** The sandbox's database: in memory, optionally mirrored to a JSON file after each change. */
export class Store {
  state: State;

  constructor(
    private readonly seed: () => State,
    private readonly dataFile?: string,
  ) {
    this.state = this.load() ?? seed();
    this.save();
  }

  reset(): void {
    this.state = this.seed();
    this.save();
  }

  save(): void {
    if (this.dataFile !== undefined) writeFileSync(this.dataFile, JSON.stringify(this.state, null, 1));
  }

  all(type: string): StoredRecord[] {
    return this.state.records[type] ?? [];
  }

  list(type: string, accountId: number): StoredRecord[] {
    return this.all(type).filter((record) => record.accountId === accountId);
  }

  find(type: string, accountId: number, id: string): StoredRecord | undefined {
    return this.all(type).find((record) => record.id === id && record.accountId === accountId);
  }

  accountBySlug(slug: string): StoredRecord | undefined {
    return this.all('accounts').find((account) => account.attributes['slug'] === slug);
  }

  accountById(accountId: number): StoredRecord | undefined {
    return this.all('accounts').find((account) => account.id === String(accountId));
  }

  identity(userId: string): Identity | undefined {
    return this.state.identities.find((identity) => identity.userId === userId);
  }

  insert(record: Omit<StoredRecord, 'id'>): StoredRecord {
    const id = String(this.nextId(record.type));
    const stored: StoredRecord = { ...record, id };
    const list = this.state.records[record.type] ?? [];
    list.push(stored);
    this.state.records[record.type] = list;
    return stored;
  }

  remove(type: string, id: string): void {
    this.state.records[type] = this.all(type).filter((record) => record.id !== id);
  }

  revokeTokens(predicate: (grant: AccessGrant) => boolean): void {
    this.state.accessTokens = this.state.accessTokens.filter((grant) => !predicate(grant));
  }

  private nextId(type: string): number {
    const next = (this.state.sequences[type] ?? 0) + 1;
    this.state.sequences[type] = next;
    return next;
  }

  private load(): State | undefined {
    if (this.dataFile === undefined || !existsSync(this.dataFile)) return undefined;
    const parsed: unknown = JSON.parse(readFileSync(this.dataFile, 'utf8'));
    if (!isJsonObject(parsed) || parsed['version'] !== 1 || !isJsonObject(parsed['records'])) {
      throw new Error(`${this.dataFile} is not a sandbox data file (version 1)`);
    }
    return parsed as unknown as State;
  }
}
