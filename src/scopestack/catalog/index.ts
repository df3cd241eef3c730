/** The ScopeStack resources this integration knows, one entry per JSON:API type. */
export { clients } from './clients.js';
export { crmOpportunities } from './crm-opportunities.js';
export { documentTemplates, projectDocuments } from './documents.js';
export { businessUnits, paymentTerms, presalesEngineers, rateTables, salesExecutives, users } from './lookups.js';
export { products } from './products.js';
export { projectApprovals, projectContacts, projectLocations } from './project-parts.js';
export { projectVariables } from './project-variables.js';
export { projects } from './projects.js';
export { projectServices, projectSubservices, services } from './services.js';
export { vendors } from './vendors.js';
