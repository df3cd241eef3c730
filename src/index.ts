/** The ScopeStack Zapier app: a manifest of the connection, middleware and steps. */
import zapier, { defineApp } from 'zapier-platform-core';
import packageJson from '../package.json' with { type: 'json' };
import createClient from '../creates/create_client.js';
import updateClient from '../creates/update_client.js';
import findClient from '../searches/find_client.js';
import listClients from '../triggers/list_clients.js';
import newClient from '../triggers/new_client.js';
import authentication from './authentication.js';
import { afters, befores } from './middleware.js';

export default defineApp({
  version: packageJson.version,
  platformVersion: zapier.version,
  authentication,
  beforeRequest: [...befores],
  afterResponse: [...afters],
  triggers: {
    [newClient.key]: newClient,
    [listClients.key]: listClients,
  },
  searches: {
    [findClient.key]: findClient,
  },
  creates: {
    [createClient.key]: createClient,
    [updateClient.key]: updateClient,
  },
  searchOrCreates: {
    [findClient.key]: {
      key: findClient.key,
      display: { label: 'Find or Create Client', description: 'Finds a client by name or domain, and creates it when none matches.' },
      search: findClient.key,
      create: createClient.key,
    },
  },
});
