/** The ScopeStack Zapier app: a manifest of the connection, middleware and steps. */
import zapier, { defineApp } from 'zapier-platform-core';
import packageJson from '../package.json' with { type: 'json' };
import createClient from '../creates/create_client.js';
import createProject from '../creates/create_project.js';
import createProjectContact from '../creates/create_project_contact.js';
import createProjectLocation from '../creates/create_project_location.js';
import updateClient from '../creates/update_client.js';
import updateProject from '../creates/update_project.js';
import updateProjectContact from '../creates/update_project_contact.js';
import updateProjectLocation from '../creates/update_project_location.js';
import upsertClient from '../creates/upsert_client.js';
import upsertProject from '../creates/upsert_project.js';
import findClient from '../searches/find_client.js';
import findProject from '../searches/find_project.js';
import listBusinessUnits from '../triggers/list_business_units.js';
import listClients from '../triggers/list_clients.js';
import listPaymentTerms from '../triggers/list_payment_terms.js';
import listPresalesEngineers from '../triggers/list_presales_engineers.js';
import listProjectContacts from '../triggers/list_project_contacts.js';
import listProjectLocations from '../triggers/list_project_locations.js';
import listProjects from '../triggers/list_projects.js';
import listRateTables from '../triggers/list_rate_tables.js';
import listSalesExecutives from '../triggers/list_sales_executives.js';
import newClient from '../triggers/new_client.js';
import newProject from '../triggers/new_project.js';
import newProjectApproval from '../triggers/new_project_approval.js';
import projectStatusChanged from '../triggers/project_status_changed.js';
import updatedProject from '../triggers/updated_project.js';
import authentication from './authentication.js';
import { afters, befores } from './middleware.js';

/** Zapier's "Find or Create" pair: a search, then a create when it finds nothing. */
const findOrCreate = (noun: string, by: string, search: { key: string }, create: { key: string }) => ({
  key: search.key,
  display: { label: `Find or Create ${noun}`, description: `Finds ${noun.toLowerCase()} by ${by}, and creates it when none matches.` },
  search: search.key,
  create: create.key,
});

export default defineApp({
  version: packageJson.version,
  platformVersion: zapier.version,
  authentication,
  beforeRequest: [...befores],
  afterResponse: [...afters],
  triggers: {
    [listBusinessUnits.key]: listBusinessUnits,
    [listClients.key]: listClients,
    [listPaymentTerms.key]: listPaymentTerms,
    [listPresalesEngineers.key]: listPresalesEngineers,
    [listProjectContacts.key]: listProjectContacts,
    [listProjectLocations.key]: listProjectLocations,
    [listProjects.key]: listProjects,
    [listRateTables.key]: listRateTables,
    [listSalesExecutives.key]: listSalesExecutives,
    [newClient.key]: newClient,
    [newProject.key]: newProject,
    [newProjectApproval.key]: newProjectApproval,
    [projectStatusChanged.key]: projectStatusChanged,
    [updatedProject.key]: updatedProject,
  },
  searches: {
    [findClient.key]: findClient,
    [findProject.key]: findProject,
  },
  creates: {
    [createClient.key]: createClient,
    [createProject.key]: createProject,
    [createProjectContact.key]: createProjectContact,
    [createProjectLocation.key]: createProjectLocation,
    [updateClient.key]: updateClient,
    [updateProject.key]: updateProject,
    [updateProjectContact.key]: updateProjectContact,
    [updateProjectLocation.key]: updateProjectLocation,
    [upsertClient.key]: upsertClient,
    [upsertProject.key]: upsertProject,
  },
  searchOrCreates: {
    [findClient.key]: findOrCreate('Client', 'name or domain', findClient, createClient),
    [findProject.key]: findOrCreate('Project', 'name within its client', findProject, createProject),
  },
});
