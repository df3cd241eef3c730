import type { Json } from '../json.js';
import type { Identity } from '../store.js';

/** Whether a user may write: only the admin role, and never a view-only user. */
export function canWrite(identity: Identity): boolean {
  return identity.role === 'admin' && identity.userType !== 'view_only';
}

const PRIVILEGES = ['projects.overview', 'projects.documents', 'crm.opportunities', 'settings.catalog', 'settings.users'];

/** The `privileges` array of /v1/me and users, derived from the role (names are illustrative). */
export function privilegesOf(identity: Identity | undefined): Json {
  const level = identity !== undefined && canWrite(identity) ? 'manage' : 'view';
  return PRIVILEGES.map((privilege) => ({ privilege, 'access-level': level }));
}
