import { randomUUID } from 'node:crypto';
import type { Services } from '../services.js';
import { NON_SERVICE_USER_TYPES, ROLES, type Identity, type Role, type UserType } from '../store.js';
import { hashSecret, newClientId, newClientSecret } from '../oauth/secrets.js';
import { SEED } from '../seed/seed-facts.js';

/** The account-administration operations of ScopeStack's Settings > Users screens. */
export interface Admin {
  createServiceUser(input: { name: string; email: string; role: Role; accountSlug?: string }): { userId: string };
  /** The secret is returned once; the sandbox keeps only its hash. */
  createCredential(userId: string, name: string): { clientId: string; clientSecret: string };
  /** New secret, same client id; the old secret and every token issued with it stop working at once. */
  rotateSecret(clientId: string): { clientSecret: string };
  /** The credential and all its tokens are gone at once. */
  deleteCredential(clientId: string): void;
  /** Turning a service user into another type destroys all its credentials and revokes their tokens. */
  changeUserType(userId: string, userType: Exclude<UserType, 'service'>): void;
  setRole(userId: string, role: Role): void;
  /**
   * Documents take exactly `seconds` of sandbox clock to generate (reads alone no longer finish
   * them), to time a wait; undefined restores the default rule. Reset also restores it.
   */
  setDocumentSeconds(seconds: number | undefined): void;
  /** Back to the seed; also clears the request log, the faults and the clock offset. */
  reset(): void;
}

/** An admin request the sandbox refuses; `status` is what the HTTP admin API answers. */
export class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new AdminError(400, `${field} is required`);
  return value;
}

function requireRole(role: unknown): Role {
  const found = ROLES.find((candidate) => candidate === role);
  if (found === undefined) throw new AdminError(400, `role must be one of ${ROLES.join(', ')}`);
  return found;
}

export function createAdmin(services: Services): Admin {
  const { store } = services;
  const identityOf = (userId: string): Identity => {
    const identity = store.identity(userId);
    if (identity === undefined) throw new AdminError(404, `no user ${userId}`);
    return identity;
  };
  const credentialOf = (clientId: string) => {
    const credential = store.state.credentials.find((candidate) => candidate.clientId === clientId);
    if (credential === undefined) throw new AdminError(404, `no credential ${clientId}`);
    return credential;
  };
  const changed = <T>(result: T): T => {
    store.save();
    return result;
  };

  return {
    createServiceUser(input) {
      const name = requireText(input.name, 'name');
      const email = requireText(input.email, 'email');
      const role = requireRole(input.role);
      const account = store.accountBySlug(input.accountSlug ?? SEED.account.slug);
      if (account === undefined) throw new AdminError(404, `no account ${String(input.accountSlug)}`);
      const accountId = Number(account.id);
      if (store.state.identities.some((identity) => identity.email.toLowerCase() === email.toLowerCase())) {
        throw new AdminError(409, `a user with e-mail ${email} already exists`);
      }
      const now = services.clock.now().toISOString();
      const user = store.insert({
        type: 'users',
        accountId,
        attributes: { name, email, phone: '', title: 'Service Account', 'guided-onboarding': false, 'created-at': now, 'updated-at': now },
        links: { account: account.id, 'rate-table': null },
        internal: {},
      });
      store.state.identities.push({ userId: user.id, accountId, userType: 'service', role, email, uuid: randomUUID(), passwordHash: null });
      return changed({ userId: user.id });
    },

    createCredential(userId, name) {
      const identity = identityOf(userId);
      if (identity.userType !== 'service') throw new AdminError(400, 'client credentials exist only for service users');
      const clientId = newClientId();
      const clientSecret = newClientSecret();
      store.state.credentials.push({
        clientId,
        userId: identity.userId,
        name: requireText(name, 'name'),
        secretHash: hashSecret(clientSecret),
      });
      return changed({ clientId, clientSecret });
    },

    rotateSecret(clientId) {
      const credential = credentialOf(clientId);
      const clientSecret = newClientSecret();
      credential.secretHash = hashSecret(clientSecret);
      store.revokeTokens((grant) => grant.clientId === clientId);
      return changed({ clientSecret });
    },

    deleteCredential(clientId) {
      credentialOf(clientId);
      store.state.credentials = store.state.credentials.filter((credential) => credential.clientId !== clientId);
      store.revokeTokens((grant) => grant.clientId === clientId);
      changed(undefined);
    },

    changeUserType(userId, userType) {
      const identity = identityOf(userId);
      if (!NON_SERVICE_USER_TYPES.includes(userType)) {
        throw new AdminError(400, `userType must be one of ${NON_SERVICE_USER_TYPES.join(', ')}`);
      }
      const clientIds = store.state.credentials
        .filter((credential) => credential.userId === identity.userId)
        .map((credential) => credential.clientId);
      store.state.credentials = store.state.credentials.filter((credential) => credential.userId !== identity.userId);
      store.revokeTokens((grant) => clientIds.includes(grant.clientId));
      identity.userType = userType;
      changed(undefined);
    },

    setRole(userId, role) {
      identityOf(userId).role = requireRole(role);
      changed(undefined);
    },

    setDocumentSeconds(seconds) {
      if (seconds === undefined) delete store.state.documentSeconds;
      else store.state.documentSeconds = seconds;
      changed(undefined);
    },
    reset() {
      store.reset();
      services.log.reset();
      services.faults.clear();
      services.clock.reset();
    },
  };
}
