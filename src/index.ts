/** The ScopeStack Zapier app: a manifest of the connection, middleware, steps and file hydrator. */
import zapier, { defineApp } from 'zapier-platform-core';
import packageJson from '../package.json' with { type: 'json' };
import addProjectService from '../creates/add_project_service.js';
import apiRequest from '../creates/api_request.js';
import createClient from '../creates/create_client.js';
import createCrmOpportunity from '../creates/create_crm_opportunity.js';
import createProduct from '../creates/create_product.js';
import createProject from '../creates/create_project.js';
import createProjectContact from '../creates/create_project_contact.js';
import createProjectLocation from '../creates/create_project_location.js';
import createSalesExecutive from '../creates/create_sales_executive.js';
import createVendor from '../creates/create_vendor.js';
import deleteCrmOpportunity from '../creates/delete_crm_opportunity.js';
import generateProjectDocument from '../creates/generate_project_document.js';
import updateClient from '../creates/update_client.js';
import updateCrmOpportunity from '../creates/update_crm_opportunity.js';
import updateProduct from '../creates/update_product.js';
import updateProject from '../creates/update_project.js';
import updateProjectContact from '../creates/update_project_contact.js';
import updateProjectLocation from '../creates/update_project_location.js';
import updateSalesExecutive from '../creates/update_sales_executive.js';
import updateVendor from '../creates/update_vendor.js';
import upsertClient from '../creates/upsert_client.js';
import upsertCrmOpportunity from '../creates/upsert_crm_opportunity.js';
import upsertProduct from '../creates/upsert_product.js';
import upsertProject from '../creates/upsert_project.js';
import upsertSalesExecutive from '../creates/upsert_sales_executive.js';
import upsertVendor from '../creates/upsert_vendor.js';
import findClient from '../searches/find_client.js';
import findCrmOpportunity from '../searches/find_crm_opportunity.js';
import findDocumentTemplate from '../searches/find_document_template.js';
import findPresalesEngineer from '../searches/find_presales_engineer.js';
import findProduct from '../searches/find_product.js';
import findProject from '../searches/find_project.js';
import findSalesExecutive from '../searches/find_sales_executive.js';
import findService from '../searches/find_service.js';
import findUser from '../searches/find_user.js';
import findVendor from '../searches/find_vendor.js';
import listBusinessUnits from '../triggers/list_business_units.js';
import listClients from '../triggers/list_clients.js';
import listCrmOpportunities from '../triggers/list_crm_opportunities.js';
import listDocumentTemplates from '../triggers/list_document_templates.js';
import listPaymentTerms from '../triggers/list_payment_terms.js';
import listPresalesEngineers from '../triggers/list_presales_engineers.js';
import listProducts from '../triggers/list_products.js';
import listProjectContacts from '../triggers/list_project_contacts.js';
import listProjectLocations from '../triggers/list_project_locations.js';
import listProjects from '../triggers/list_projects.js';
import listRateTables from '../triggers/list_rate_tables.js';
import listSalesExecutives from '../triggers/list_sales_executives.js';
import listServices from '../triggers/list_services.js';
import listVendors from '../triggers/list_vendors.js';
import newClient from '../triggers/new_client.js';
import newCrmOpportunity from '../triggers/new_crm_opportunity.js';
import newProject from '../triggers/new_project.js';
import newProjectApproval from '../triggers/new_project_approval.js';
import newProjectDocument from '../triggers/new_project_document.js';
import projectCrmOpportunityChanged from '../triggers/project_crm_opportunity_changed.js';
import projectStatusChanged from '../triggers/project_status_changed.js';
import updatedProject from '../triggers/updated_project.js';
import authentication from './authentication.js';
import { SERVICE_NAME } from './scopestack/hosts.js';
import { afters, befores } from './middleware.js';
import { inSentence } from 'connector-toolkit/field-names.js';
import { fileHydrator } from 'connector-toolkit/files.js';
import { guardedApp } from 'connector-toolkit/guarded-app.js';

/** Zapier's "Find or Create" pair: a search, then a create when it finds nothing. */
const findOrCreate = (noun: string, by: string, search: { key: string }, create: { key: string }) => ({
  key: search.key,
  display: { label: `Find or Create ${noun}`, description: `Finds ${inSentence(noun)} by ${by}, and creates it when none matches.` },
  search: search.key,
  create: create.key,
});

/** The connection's secrets, kept out of every message a step throws, and the service's name for a failed connection. */
const GUARD = { service: SERVICE_NAME, secrets: ['client_secret', 'password', 'access_token', 'refresh_token'], clientId: 'client_id' };

export default guardedApp(
  defineApp({
    version: packageJson.version,
    platformVersion: zapier.version,
    authentication,
    beforeRequest: [...befores],
    afterResponse: [...afters],
    // Files that steps hand on (generated documents) are fetched only when a later step uses them.
    hydrators: { downloadFile: fileHydrator },
    triggers: {
      [listBusinessUnits.key]: listBusinessUnits,
      [listClients.key]: listClients,
      [listCrmOpportunities.key]: listCrmOpportunities,
      [listDocumentTemplates.key]: listDocumentTemplates,
      [listPaymentTerms.key]: listPaymentTerms,
      [listPresalesEngineers.key]: listPresalesEngineers,
      [listProducts.key]: listProducts,
      [listProjectContacts.key]: listProjectContacts,
      [listProjectLocations.key]: listProjectLocations,
      [listProjects.key]: listProjects,
      [listRateTables.key]: listRateTables,
      [listSalesExecutives.key]: listSalesExecutives,
      [listServices.key]: listServices,
      [listVendors.key]: listVendors,
      [newClient.key]: newClient,
      [newCrmOpportunity.key]: newCrmOpportunity,
      [newProject.key]: newProject,
      [newProjectApproval.key]: newProjectApproval,
      [newProjectDocument.key]: newProjectDocument,
      [projectCrmOpportunityChanged.key]: projectCrmOpportunityChanged,
      [projectStatusChanged.key]: projectStatusChanged,
      [updatedProject.key]: updatedProject,
    },
    searches: {
      [findClient.key]: findClient,
      [findCrmOpportunity.key]: findCrmOpportunity,
      [findDocumentTemplate.key]: findDocumentTemplate,
      [findPresalesEngineer.key]: findPresalesEngineer,
      [findProduct.key]: findProduct,
      [findProject.key]: findProject,
      [findSalesExecutive.key]: findSalesExecutive,
      [findService.key]: findService,
      [findUser.key]: findUser,
      [findVendor.key]: findVendor,
    },
    creates: {
      [addProjectService.key]: addProjectService,
      [apiRequest.key]: apiRequest,
      [createClient.key]: createClient,
      [createCrmOpportunity.key]: createCrmOpportunity,
      [createProduct.key]: createProduct,
      [createProject.key]: createProject,
      [createProjectContact.key]: createProjectContact,
      [createProjectLocation.key]: createProjectLocation,
      [createSalesExecutive.key]: createSalesExecutive,
      [createVendor.key]: createVendor,
      [deleteCrmOpportunity.key]: deleteCrmOpportunity,
      [generateProjectDocument.key]: generateProjectDocument,
      [updateClient.key]: updateClient,
      [updateCrmOpportunity.key]: updateCrmOpportunity,
      [updateProduct.key]: updateProduct,
      [updateProject.key]: updateProject,
      [updateProjectContact.key]: updateProjectContact,
      [updateProjectLocation.key]: updateProjectLocation,
      [updateSalesExecutive.key]: updateSalesExecutive,
      [updateVendor.key]: updateVendor,
      [upsertClient.key]: upsertClient,
      [upsertCrmOpportunity.key]: upsertCrmOpportunity,
      [upsertProduct.key]: upsertProduct,
      [upsertProject.key]: upsertProject,
      [upsertSalesExecutive.key]: upsertSalesExecutive,
      [upsertVendor.key]: upsertVendor,
    },
    searchOrCreates: {
      [findClient.key]: findOrCreate('Client', 'name or domain', findClient, createClient),
      [findProject.key]: findOrCreate('Project', 'name within its client', findProject, createProject),
      [findProduct.key]: findOrCreate('Product', 'name, SKU or manufacturer part number', findProduct, createProduct),
      [findCrmOpportunity.key]: findOrCreate(
        'CRM Opportunity',
        "the CRM's opportunity ID or name",
        findCrmOpportunity,
        createCrmOpportunity,
      ),
      [findSalesExecutive.key]: findOrCreate('Sales Executive', 'name or email', findSalesExecutive, createSalesExecutive),
      [findVendor.key]: findOrCreate('Vendor', 'name', findVendor, createVendor),
    },
  }),
  GUARD,
);
