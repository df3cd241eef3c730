/**
 * The evidence ledger: for every filter, sort, include and written attribute or relationship the
 * catalog can send, what public client code proves of it (confirmed, with its source) or why it
 * is a guess and how bad it is if wrong. Sources are public client code of ScopeStack's API:
 * WK the public Workato connector, CE the content engine, PWA the PWA, MU the merge utilities,
 * VSA the service architect, NS the NetSuite suitelet.
 *
 * Keys: `filter[x]` (any value) or `filter[x]=v` (that value), `sort=v`, `include=rel`,
 * `write name` (an attribute or relationship sent in a write body).
 */
type Risk = 'low' | 'med' | 'high';

export type Evidence =
  { readonly grade: 'confirmed'; readonly source: string } | { readonly grade: 'guess'; readonly risk: Risk; readonly why: string };

const confirmed = (source: string): Evidence => ({ grade: 'confirmed', source });
const guess = (risk: Risk, why: string): Evidence => ({ grade: 'guess', risk, why });

/** The same evidence for each attribute written. */
const writes = (evidence: Evidence, ...names: string[]): Record<string, Evidence> =>
  Object.fromEntries(names.map((name) => [`write ${name}`, evidence]));

const NAME_SORT = guess('low', 'no public client sorts this list; name is an attribute, and jsonapi-resources sorts by any attribute');
const ID_SORT = guess('low', 'no public client sorts by id; IDs only grow, and jsonapi-resources sorts by id');
const COMMA_ACTIVE = guess('low', 'the filter is confirmed; comma OR is confirmed on clients (WK, MU)');
const ACTIVE_ONLY = confirmed('WK create_or_update_project ({name, active: true}); PWA api.js');

export const LEDGER: Readonly<Record<string, Readonly<Record<string, Evidence>>>> = {
  clients: {
    'filter[name]': confirmed('WK get_client, list_clients; CE scopestack-api-service.ts:182'),
    'filter[domain]': confirmed('WK get_client, create_or_update_client'),
    'filter[active]': confirmed('WK create_or_update_client (filter[active]=true,false)'),
    'sort=-id': ID_SORT,
    'sort=name': NAME_SORT,
    'include=rate-table': confirmed('WK list_clients (include=account,rate-table,contacts)'),
    'include=contacts': confirmed('WK list_clients; PWA api.js:119'),
    ...writes(
      confirmed('WK create_or_update_client; CE scopestack-api-service.ts:228-241'),
      'name',
      'domain',
      'msa-date',
      'user-defined-fields',
    ),
    ...writes(confirmed('WK update_client_active_status'), 'active'),
  },
  projects: {
    'filter[project-name]': confirmed('WK list_projects'),
    'filter[active]': confirmed('WK list_projects'),
    'filter[active]=true': confirmed('WK list_projects (true, then false, for both)'),
    'filter[active]=false': confirmed('WK list_projects (true, then false, for both)'),
    'filter[client_id]': confirmed('WK list_projects (its only source, an action with known bugs)'),
    'filter[status]': confirmed('WK list_projects (comma-joined statuses)'),
    'sort=-created-at': confirmed("MU app.py:4711 ('sort': '-created-at')"),
    'sort=-updated-at': guess('med', 'updated-at is a project attribute (WK), but no public client sorts by it'),
    'sort=project-name': NAME_SORT,
    'include=client': confirmed('WK project_includes, approved_projects'),
    'include=sales-executive': confirmed('WK project_includes, approved_projects'),
    'include=presales-engineer': confirmed('WK project_includes, approved_projects'),
    'include=rate-table': confirmed('WK project_includes'),
    'include=payment-term': confirmed('WK project_includes'),
    'include=business-unit': confirmed('WK approved_projects'),
    'include=crm-opportunity': confirmed('WK project_includes'),
    'include=project-contacts': confirmed('WK project_includes'),
    'include=project-locations': confirmed('WK project_includes'),
    'include=project-services': confirmed('PWA api.js:515'),
    ...writes(
      confirmed('WK create_or_update_project; CE scopestack-api-service.ts:290-334; PWA NewProjectForm.js:347-385'),
      'project-name',
      'msa-date',
      'tag-list',
      'client',
      'sales-executive',
      'presales-engineer',
      'rate-table',
      'payment-term',
      'project-variables',
    ),
    ...writes(
      guess('low', 'read attributes of a project (WK project object); no public client writes them'),
      'executive-summary',
      'key-objectives',
      'solution-summary',
      'our-responsibilities',
      'client-responsibilities',
      'out-of-scope',
      'service-start-date',
    ),
    'write status': guess('high', 'no public client writes status; approvals move through project-approvals action links'),
    'write active': guess('med', 'read and filtered by WK list_projects; no public client writes it'),
    'write business-unit': guess('med', 'only ever read or included by public clients'),
    'write crm-opportunity': guess('med', 'public clients link from the opportunity side (crm-opportunities projects)'),
  },
  'project-contacts': {
    'filter[project]': confirmed('WK create_or_update_project_contact'),
    'include=project': guess('low', 'the project relationship is confirmed (PWA, WK writes); nobody includes it'),
    'sort=name': NAME_SORT,
    ...writes(
      confirmed('WK create_or_update_project_contact; PWA api.js:239-252'),
      'name',
      'title',
      'email',
      'phone',
      'contact-type',
      'active',
      'project',
      'project-variables',
    ),
  },
  'project-locations': {
    'filter[project]': confirmed('WK list_project_service_locations'),
    'include=project': confirmed("WK get_service_location (include: 'project')"),
    'sort=name': NAME_SORT,
    ...writes(
      confirmed('WK create_or_update_service_location'),
      'name',
      'street',
      'street2',
      'city',
      'state',
      'postal-code',
      'country',
      'remote',
      'project',
      'project-variables',
    ),
  },
  'project-variables': {
    'filter[variable-context]': confirmed('WK (project, project_contact, service_location, product)'),
    'filter[active]': confirmed('PWA api.js:208 (filter[active]=true)'),
  },
  'project-services': {
    'include=project': guess('low', 'the relationship is confirmed (CE); nobody includes it on a write'),
    'include=service': guess('low', 'the relationship is confirmed (CE); nobody includes it on a write'),
    'include=project-subservices': guess('low', 'WK list_project_services includes it on GET; nobody includes it on a write'),
    ...writes(
      confirmed('CE scopestack-api-service.ts:500-527, 676-717; SOW export.ts'),
      'name',
      'quantity',
      'override-hours',
      'service-description',
      'service-type',
      'task-source',
      'project',
      'service',
    ),
  },
  services: {
    'filter[active]': confirmed('CE scopestack-api-service.ts:659'),
    'filter[name]': guess('med', 'no public client filters services by name'),
    'filter[sku]': guess('med', 'no public client filters services by sku'),
    'include=subservices': confirmed('VSA scopestack-api.ts:396'),
    'sort=name': NAME_SORT,
  },
  'document-templates': {
    'filter[active]': confirmed('PWA api.js:368; CE scopestack-api-service.ts:823; MU template_manager.py:65'),
    'filter[name]': confirmed('WK get_document_template (exact, case-sensitive)'),
    'sort=name': NAME_SORT,
  },
  'project-documents': {
    'filter[project]': confirmed('CE scopestack-api-service.ts:894; PWA api.js:456'),
    'filter[status]': guess('high', 'no public client filters documents by status (CE and PWA read status client-side)'),
    'sort=-updated-at': guess('med', 'updated-at is returned (WK create_project_document); no public client sorts documents'),
    'include=project': confirmed('CE scopestack-api-service.ts:894; PWA api.js:456'),
    ...writes(
      confirmed('WK create_project_document; MU app.py:2596-2612; PWA api.js:390-405; CE scopestack-api-service.ts:847-862'),
      'document-type',
      'template-id',
      'generate-pdf',
      'force-regeneration',
      'project',
    ),
  },
  'crm-opportunities': {
    'filter[opportunity-id]': confirmed('WK create_or_update_crm_opportunity, delete_crm_opportunity'),
    'filter[is-closed]': confirmed('WK list_crm_opportunities'),
    'filter[is-closed]=false': confirmed('WK list_crm_opportunities (false, then true)'),
    'filter[is-closed]=true': confirmed('WK list_crm_opportunities (false, then true)'),
    'filter[name]': guess('med', "WK's filters are display-name, opportunity-id and is-closed; no client filters by name"),
    'sort=-id': ID_SORT,
    'sort=display-name': NAME_SORT,
    'include=projects': guess('low', 'the projects relationship is confirmed (WK); nobody includes it'),
    ...writes(
      confirmed('WK create_or_update_crm_opportunity payload'),
      'opportunity-id',
      'name',
      'display-name',
      'amount',
      'stage',
      'is-closed',
      'owner-id',
      'owner-name',
      'account-id',
      'account-name',
      'location-name',
      'street',
      'city',
      'state',
      'postal-code',
      'country',
      'custom-attributes',
      'projects',
    ),
  },
  'sales-executives': {
    'filter[name]': confirmed('WK find_sales_executive; PWA api.js:161'),
    'filter[email]': confirmed('WK find_sales_executive, create_or_update_sales_executive'),
    'filter[active]': ACTIVE_ONLY,
    'filter[active]=true,false': COMMA_ACTIVE,
    'sort=name': NAME_SORT,
    ...writes(confirmed('WK create_or_update_project, create_or_update_sales_executive'), 'name', 'email', 'title', 'phone', 'active'),
  },
  'presales-engineers': {
    'filter[email]': confirmed('WK get_presales_engineer, create_or_update_project'),
    'filter[name]': guess('med', 'attributed to NS, whose lookup is not in any stored source'),
    'filter[active]': guess('high', "WK's presales engineer has only id and email; no client sends active"),
    'sort=name': NAME_SORT,
    ...writes(
      guess('low', 'the catalog shares the people fields, but no step writes a presales engineer'),
      'name',
      'email',
      'title',
      'phone',
      'active',
    ),
  },
  users: {
    'filter[email]': confirmed('WK create_or_update_sales_executive'),
    'filter[name]': guess('med', 'WK looks users up by email only'),
  },
  vendors: {
    'filter[name]': confirmed('WK list_vendors, get_vendor'),
    'filter[active]': confirmed('WK list_vendors'),
    'filter[active]=true,false': COMMA_ACTIVE,
    'sort=name': NAME_SORT,
    ...writes(
      confirmed('WK create_or_update_vendor'),
      'name',
      'active',
      'street-address',
      'street2',
      'city',
      'state',
      'postal-code',
      'country',
    ),
  },
  products: {
    'filter[name]': confirmed('WK list_products, create_or_update_product'),
    'filter[sku]': confirmed('WK list_products, create_or_update_product'),
    'filter[manufacturer-part-number]': confirmed('WK list_products'),
    'filter[active]': confirmed('WK list_products'),
    'filter[active]=true,false': COMMA_ACTIVE,
    'sort=name': NAME_SORT,
    ...writes(
      confirmed('WK create_or_update_product payload'),
      'name',
      'sku',
      'description',
      'manufacturer-part-number',
      'category',
      'subcategory',
      'unit-of-measure',
      'unit-price',
      'unit-cost',
      'list-price',
      'markup',
      'billing-frequency',
      'active',
      'project-variables',
    ),
    'write manufacturer-name': guess('high', "not in WK's product object nor its write body; WK uses it only as a list filter"),
  },
  'rate-tables': {
    'filter[active]': confirmed('CE scopestack-api-service.ts:260; PWA api.js:179'),
    'sort=-default,name': guess('low', 'default is a confirmed attribute (CE, PWA); the sort is unseen'),
  },
  'payment-terms': {
    'filter[active]': confirmed('CE scopestack-api-service.ts:272; PWA api.js:192'),
    'sort=-default,name': guess('low', 'default is a confirmed attribute (CE, PWA); the sort is unseen'),
  },
  'business-units': {
    'sort=name': guess('med', 'GET /business-units is never called by a public client (only include=business-unit)'),
  },
  'project-approvals': {
    'filter[project]': guess('low', 'the project relationship is confirmed (WK object); WK follows links instead'),
    'sort=-id': ID_SORT,
    'include=project': guess('low', 'the relationship is confirmed (WK object); WK follows its related link instead'),
    'include=user': guess('low', 'the relationship is confirmed (WK object); WK follows its related link instead'),
  },
};

/** The evidence of one element of a request to a resource type, if the ledger knows it: `filter[x]=v` falls back to `filter[x]`. */
export const evidenceOf = (type: string, element: string): Evidence | undefined => {
  const entries = LEDGER[type];
  if (!entries) return undefined;
  return entries[element] ?? entries[element.replace(/=.*$/, '')];
};

/** Whether a query parameter, with its value, is a guess the API may refuse (the toolkit then applies it to the page). */
export const isGuessedParam = (type: string, param: string, value: string): boolean =>
  evidenceOf(type, `${param}=${value}`)?.grade === 'guess';
