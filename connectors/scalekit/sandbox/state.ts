/** The environment's data, as plain records; views.ts turns them into Scalekit's JSON. */
import type { IdCounter } from './ids.js';

export interface OrganizationRecord {
  id: string;
  createTime: Date;
  updateTime: Date;
  displayName: string;
  externalId?: string;
  metadata: Record<string, string>;
  slug?: string;
  logoUrl?: string;
}

type MembershipStatus = 'ACTIVE' | 'INACTIVE' | 'PENDING_INVITE' | 'INVITE_EXPIRED';

export interface MembershipRecord {
  organizationId: string;
  status: MembershipStatus;
  /** Role names; the role objects are looked up when shown. */
  roles: string[];
  metadata: Record<string, string>;
  inviterEmail: string;
  provisioningMethod: 'invitation' | 'direct_provision';
  joinTime?: Date;
  createdAt?: Date;
  expiresAt?: Date;
}

export interface UserRecord {
  id: string;
  profileId: string;
  createTime: Date;
  updateTime: Date;
  email: string;
  externalId?: string;
  metadata: Record<string, string>;
  givenName: string;
  familyName: string;
  name: string;
  memberships: MembershipRecord[];
}

export interface ConnectionRecord {
  id: string;
  organizationId: string;
  createTime: Date;
  provider: string;
  type: string;
  status: 'DRAFT' | 'IN_PROGRESS' | 'COMPLETED';
  enabled: boolean;
  domains: string[];
}

export interface RoleRecord {
  id: string;
  name: string;
  displayName: string;
  description: string;
  defaultCreator: boolean;
  defaultMember: boolean;
}

export interface State {
  environmentId: string;
  organizations: OrganizationRecord[];
  users: UserRecord[];
  connections: ConnectionRecord[];
  roles: RoleRecord[];
  ids: IdCounter;
}

/** Records in creation order; ties keep insertion order (Array.prototype.sort is stable). */
export const byCreateTime = <T extends { createTime: Date }>(records: T[]): T[] =>
  [...records].sort((a, b) => a.createTime.getTime() - b.createTime.getTime());
