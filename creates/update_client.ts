import { clients } from '../src/scopestack/catalog/index.js';
import { updateStep } from 'connector-toolkit/steps/write-step.js';
import findClient from '../searches/find_client.js';
import listClients from '../triggers/list_clients.js';

export default updateStep(clients, { key: 'update_client', dropdown: listClients.key, search: findClient.key });
