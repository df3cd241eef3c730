/** The Scalekit Zapier app: a manifest of the connection, middleware and steps. */
import zapier, { defineApp } from 'zapier-platform-core';
import { guardedApp } from 'connector-toolkit/guarded-app.js';
import packageJson from '../package.json' with { type: 'json' };
import createOrganization from '../creates/create_organization.js';
import deleteOrganization from '../creates/delete_organization.js';
import inviteOrganizationUser from '../creates/invite_organization_user.js';
import removeOrganizationUser from '../creates/remove_organization_user.js';
import updateMembershipRoles from '../creates/update_membership_roles.js';
import updateOrganization from '../creates/update_organization.js';
import upsertOrganization from '../creates/upsert_organization.js';
import findOrganization from '../searches/find_organization.js';
import findUser from '../searches/find_user.js';
import listOrganizationUsers from '../triggers/list_organization_users.js';
import listOrganizations from '../triggers/list_organizations.js';
import listRoles from '../triggers/list_roles.js';
import newOrganization from '../triggers/new_organization.js';
import newOrganizationUser from '../triggers/new_organization_user.js';
import ssoConnectionEnabled from '../triggers/sso_connection_enabled.js';
import authentication from './authentication.js';
import { afters, befores } from './middleware.js';
import { SERVICE_NAME } from './scalekit/words.js';

/** The connection's secrets, kept out of every message a step throws. */
const GUARD = { service: SERVICE_NAME, secrets: ['client_secret', 'access_token', 'refresh_token'], clientId: 'client_id' };

export default guardedApp(
  defineApp({
    version: packageJson.version,
    platformVersion: zapier.version,
    authentication,
    beforeRequest: [...befores],
    afterResponse: [...afters],
    triggers: {
      [listOrganizations.key]: listOrganizations,
      [listOrganizationUsers.key]: listOrganizationUsers,
      [listRoles.key]: listRoles,
      [newOrganization.key]: newOrganization,
      [newOrganizationUser.key]: newOrganizationUser,
      [ssoConnectionEnabled.key]: ssoConnectionEnabled,
    },
    searches: {
      [findOrganization.key]: findOrganization,
      [findUser.key]: findUser,
    },
    creates: {
      [createOrganization.key]: createOrganization,
      [deleteOrganization.key]: deleteOrganization,
      [inviteOrganizationUser.key]: inviteOrganizationUser,
      [removeOrganizationUser.key]: removeOrganizationUser,
      [updateMembershipRoles.key]: updateMembershipRoles,
      [updateOrganization.key]: updateOrganization,
      [upsertOrganization.key]: upsertOrganization,
    },
    searchOrCreates: {
      [findOrganization.key]: {
        key: findOrganization.key,
        display: {
          label: 'Find or Create Organization',
          description: 'Finds an organization by external ID or ID, and creates it when none matches.',
        },
        search: findOrganization.key,
        create: createOrganization.key,
      },
    },
  }),
  GUARD,
);
