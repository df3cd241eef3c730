/**
 * Records as Scalekit's JSON: snake_case proto names; default scalars, empty lists and empty maps
 * emitted; unset optional fields and unset timestamps omitted (protojson EmitDefaultValues).
 */
import { rfc3339 } from './clock.js';
import type { ConnectionRecord, MembershipRecord, OrganizationRecord, RoleRecord, State, UserRecord } from './state.js';

type Json = Record<string, unknown>;

const optional = (key: string, value: string | undefined): Json => (value === undefined ? {} : { [key]: value });
const optionalTime = (key: string, value: Date | undefined): Json => (value === undefined ? {} : { [key]: rfc3339(value) });

export function organizationView(org: OrganizationRecord): Json {
  return {
    id: org.id,
    create_time: rfc3339(org.createTime),
    update_time: rfc3339(org.updateTime),
    display_name: org.displayName,
    region_code: 'US',
    ...optional('external_id', org.externalId),
    metadata: { ...org.metadata },
    ...optional('slug', org.slug),
    ...optional('logo_url', org.logoUrl),
  };
}

export function roleView(role: RoleRecord): Json {
  return {
    id: role.id,
    name: role.name,
    display_name: role.displayName,
    description: role.description,
    default_creator: role.defaultCreator,
    default_member: role.defaultMember,
    dependent_roles_count: 0,
    is_org_role: false,
  };
}

function membershipView(membership: MembershipRecord, state: State): Json {
  const org = state.organizations.find((candidate) => candidate.id === membership.organizationId);
  const roles = membership.roles.map((name) => {
    const role = state.roles.find((candidate) => candidate.name === name);
    return { id: role?.id ?? '', name, display_name: role?.displayName ?? '' };
  });
  return {
    organization_id: membership.organizationId,
    ...optionalTime('join_time', membership.joinTime),
    membership_status: membership.status,
    roles,
    name: org?.displayName ?? '',
    display_name: org?.displayName ?? '',
    metadata: { ...membership.metadata },
    inviter_email: membership.inviterEmail,
    ...optionalTime('created_at', membership.createdAt),
    ...optionalTime('expires_at', membership.expiresAt),
    provisioning_method: membership.provisioningMethod,
    permissions: [],
  };
}

export function userView(user: UserRecord, state: State): Json {
  return {
    id: user.id,
    environment_id: state.environmentId,
    create_time: rfc3339(user.createTime),
    update_time: rfc3339(user.updateTime),
    email: user.email,
    ...optional('external_id', user.externalId),
    metadata: { ...user.metadata },
    memberships: user.memberships.map((membership) => membershipView(membership, state)),
    user_profile: {
      id: user.profileId,
      given_name: user.givenName,
      family_name: user.familyName,
      // Deprecated aliases that real 2025 data still carries.
      first_name: user.givenName,
      last_name: user.familyName,
      name: user.name,
      locale: '',
      phone_number: '',
      picture: '',
      preferred_username: '',
      gender: '',
      groups: [],
      email_verified: false,
      phone_number_verified: false,
      metadata: {},
      custom_attributes: {},
      external_identities: [],
    },
  };
}

export function connectionView(connection: ConnectionRecord, state: State): Json {
  const org = state.organizations.find((candidate) => candidate.id === connection.organizationId);
  return {
    id: connection.id,
    provider: connection.provider,
    type: connection.type,
    status: connection.status,
    enabled: connection.enabled,
    organization_id: connection.organizationId,
    organization_name: org?.displayName ?? '',
    domains: [...connection.domains],
    provider_key: '',
    key_id: '',
    ui_button_title: '',
    mcp_server_url: '',
  };
}
