import type { JsonObject } from '../json.js';
import type { State } from '../store.js';
import { hashSecret } from '../oauth/secrets.js';
import { SeedBuilder, seedTime } from './seed-builder.js';
import { SEED } from './seed-facts.js';

const ACME = SEED.account.id;
const GLOBEX = SEED.otherAccount.id;

function accounts(seed: SeedBuilder): void {
  seed.add('accounts', String(ACME), ACME, { name: SEED.account.name, slug: SEED.account.slug });
  seed.add('accounts', String(GLOBEX), GLOBEX, { name: SEED.otherAccount.name, slug: SEED.otherAccount.slug });
}

function people(seed: SeedBuilder): void {
  const acme = { account: String(ACME), 'rate-table': SEED.rateTables.standard };
  const user = (id: string, accountId: number, name: string, email: string, title: string, links: Record<string, string | null>) =>
    seed.add('users', id, accountId, { name, email, phone: '', title, 'guided-onboarding': false }, links);
  user(SEED.serviceUser.userId, ACME, SEED.serviceUser.name, SEED.serviceUser.email, 'Service Account', acme);
  user(SEED.readOnlyServiceUser.userId, ACME, SEED.readOnlyServiceUser.name, SEED.readOnlyServiceUser.email, 'Service Account', acme);
  user(SEED.passwordUser.userId, ACME, SEED.passwordUser.name, SEED.passwordUser.email, 'Solutions Architect', acme);
  user('504', ACME, 'Marcus Bell', 'marcus.bell@acme-it.example', 'Account Executive', acme);
  user('505', ACME, 'Priya Raman', 'priya.raman@acme-it.example', 'Finance Analyst', acme);
  user(
    SEED.otherAccountServiceUser.userId,
    GLOBEX,
    SEED.otherAccountServiceUser.name,
    SEED.otherAccountServiceUser.email,
    'Service Account',
    { account: String(GLOBEX), 'rate-table': null },
  );

  const identity = (
    userId: string,
    accountId: number,
    email: string,
    userType: 'service' | 'licensed' | 'sales' | 'view_only',
    role: 'admin' | 'read_only',
    password: string | null,
  ) =>
    seed.state.identities.push({
      userId,
      accountId,
      email,
      userType,
      role,
      uuid: `00000000-5a4d-4b0c-8000-000000000${userId}`,
      passwordHash: password === null ? null : hashSecret(password),
    });
  identity(SEED.serviceUser.userId, ACME, SEED.serviceUser.email, 'service', 'admin', null);
  identity(SEED.readOnlyServiceUser.userId, ACME, SEED.readOnlyServiceUser.email, 'service', 'read_only', null);
  identity(SEED.passwordUser.userId, ACME, SEED.passwordUser.email, 'licensed', 'admin', SEED.passwordUser.password);
  identity('504', ACME, 'marcus.bell@acme-it.example', 'sales', 'admin', null);
  identity('505', ACME, 'priya.raman@acme-it.example', 'view_only', 'read_only', null);
  identity(SEED.otherAccountServiceUser.userId, GLOBEX, SEED.otherAccountServiceUser.email, 'service', 'admin', null);

  for (const owner of [SEED.serviceUser, SEED.readOnlyServiceUser, SEED.otherAccountServiceUser]) {
    seed.state.credentials.push({
      clientId: owner.clientId,
      userId: owner.userId,
      name: owner.credentialName,
      secretHash: hashSecret(owner.clientSecret),
    });
  }
  seed.state.accountClients.push({
    clientId: SEED.accountClient.clientId,
    accountId: ACME,
    name: 'Acme legacy integrations',
    secretHash: hashSecret(SEED.accountClient.clientSecret),
  });
}

function settings(seed: SeedBuilder): void {
  const acme = { account: String(ACME) };
  seed.add('rate-tables', SEED.rateTables.standard, ACME, { name: 'Standard Rates 2025', default: true, active: true }, acme);
  seed.add('rate-tables', SEED.rateTables.publicSector, ACME, { name: 'Public Sector Rates', default: false, active: true }, acme);
  seed.add('rate-tables', '3703', GLOBEX, { name: 'Globex Rates', default: true, active: true }, { account: String(GLOBEX) });
  seed.add('payment-terms', SEED.paymentTerms.net30, ACME, { name: 'Net 30', default: true, active: true }, acme);
  seed.add('payment-terms', SEED.paymentTerms.split, ACME, { name: '50% Upfront, 50% on Completion', default: false, active: true }, acme);
  seed.add(
    'business-units',
    SEED.businessUnits.managedServices,
    ACME,
    { name: 'Managed Services Division', 'external-name': 'Acme MSD', city: 'Denver', state: 'CO', country: 'US' },
    acme,
  );

  const variable = (id: string, name: string, label: string, context: string, type: string, position: number, extra: JsonObject = {}) =>
    seed.add(
      'project-variables',
      id,
      ACME,
      {
        name,
        label,
        'variable-type': type,
        'variable-context': context,
        position,
        required: false,
        minimum: null,
        maximum: null,
        'select-options': [],
        active: true,
        ...extra,
      },
      acme,
      { internal: { uuid: `00000000-7a11-4c0d-9000-00000000${id}` } },
    );
  const options = (...values: string[]) => values.map((value, index) => ({ key: value.toLowerCase(), value, default: index === 0 }));
  variable('3901', 'region', 'Region', 'project', 'select', 1, { 'select-options': options('North America', 'EMEA', 'APAC') });
  variable('3902', 'po_number', 'PO Number', 'project', 'text', 2);
  variable('3903', 'industry', 'Industry', 'client', 'select', 1, {
    'select-options': options('Healthcare', 'Manufacturing', 'Finance', 'Retail'),
  });
  variable('3904', 'site_code', 'Site Code', 'service_location', 'text', 1);
  variable('3905', 'preferred_contact_time', 'Preferred Contact Time', 'project_contact', 'text', 1);
  variable('3906', 'warranty_years', 'Warranty (Years)', 'product', 'number', 1, { minimum: 0, maximum: 10 });
  variable('3907', 'legacy_code', 'Legacy Code', 'project', 'text', 3, { active: false });
}

function crm(seed: SeedBuilder): void {
  const acme = { account: String(ACME) };
  const people = (type: string, id: string, name: string, email: string, title: string, active = true) =>
    seed.add(type, id, ACME, { name, email, title, phone: '+1 555 0100', active }, acme);
  people('sales-executives', SEED.salesExecutives.jordanEllis, 'Jordan Ellis', 'jordan.ellis@acme-it.example', 'Senior Account Executive');
  people('sales-executives', SEED.salesExecutives.rileyNavarro, 'Riley Navarro', 'riley.navarro@acme-it.example', 'Account Executive');
  people('sales-executives', SEED.salesExecutives.caseyBrooks, 'Casey Brooks', 'casey.brooks@acme-it.example', 'Account Executive', false);
  seed.add(
    'sales-executives',
    '3304',
    GLOBEX,
    { name: 'Peter Gibbons', email: 'peter.gibbons@globex-msp.example', title: 'Sales', phone: '', active: true },
    { account: String(GLOBEX) },
  );
  people('presales-engineers', SEED.presalesEngineers.samOkafor, 'Sam Okafor', 'sam.okafor@acme-it.example', 'Principal Network Engineer');
  people('presales-engineers', SEED.presalesEngineers.alexKim, 'Alex Kim', 'alex.kim@acme-it.example', 'Cloud Solutions Engineer');
  people('presales-engineers', SEED.presalesEngineers.taylorGrant, 'Taylor Grant', 'taylor.grant@acme-it.example', 'Security Engineer');

  const opportunity = (
    id: string,
    opportunityId: string,
    name: string,
    accountName: string,
    amount: string,
    stage: string,
    closed: boolean,
  ) =>
    seed.add(
      'crm-opportunities',
      id,
      ACME,
      {
        'opportunity-id': opportunityId,
        name,
        'display-name': `${accountName} / ${name} / ${opportunityId}`,
        amount,
        stage,
        'is-closed': closed,
        'owner-id': 'OWN-17',
        'owner-name': 'Jordan Ellis',
        'account-id': `ACC-${id}`,
        'account-name': accountName,
        'location-name': 'HQ',
        street: '100 Example Way',
        city: 'Seattle',
        state: 'WA',
        'postal-code': '98101',
        country: 'US',
        'custom-attributes': [{ key: 'estimated_hours', val: '40' }],
      },
      acme,
    );
  opportunity(SEED.crmOpportunities.northwindSdWan, 'OPP-1001', 'SD-WAN Rollout', 'Northwind', '48000.00', 'Proposal', false);
  opportunity(SEED.crmOpportunities.contosoM365, 'OPP-1002', 'Microsoft 365 Migration', 'Contoso Health', '36500.00', 'Negotiation', false);
  opportunity(SEED.crmOpportunities.tailspinClosed, 'OPP-0999', 'Backup Assessment', 'Tailspin Toys', '9000.00', 'Closed Lost', true);
}

function clients(seed: SeedBuilder): void {
  const acme = { account: String(ACME), 'rate-table': SEED.rateTables.standard };
  const rows: [string, string, string, boolean][] = [
    [SEED.clients.northwind, 'Northwind', 'northwind.example', true],
    [SEED.clients.northwindTraders, 'Northwind Traders', 'northwindtraders.example', true],
    [SEED.clients.contosoHealth, 'Contoso Health', 'contoso-health.example', true],
    [SEED.clients.fabrikam, 'Fabrikam Manufacturing', 'fabrikam.example', true],
    [SEED.clients.tailspinToys, 'Tailspin Toys', 'tailspintoys.example', false],
    [SEED.clients.wideWorldImporters, 'Wide World Importers', 'wideworldimporters.example', true],
    [SEED.clients.adventureWorks, 'Adventure Works Cycles', 'adventure-works.example', true],
    [SEED.clients.litwareLegal, 'Litware Legal', 'litware.example', false],
    [SEED.clients.prosewareLabs, 'Proseware Labs', 'proseware.example', true],
    [SEED.clients.woodgrove, 'Woodgrove Credit Union', 'woodgrove.example', true],
    [SEED.clients.fourthCoffee, 'Fourth Coffee', 'fourthcoffee.example', true],
    [SEED.clients.blueYonder, 'Blue Yonder Airlines', 'blueyonder.example', false],
  ];
  rows.forEach(([id, name, domain, active], index) =>
    seed.add(
      'clients',
      id,
      ACME,
      {
        name,
        domain,
        active,
        'msa-date': `2024-${String((index % 12) + 1).padStart(2, '0')}-15`,
        'user-defined-fields': index % 3 === 0 ? [{ name: 'industry', value: 'Manufacturing' }] : [],
      },
      acme,
      { updatedAfterHours: 2 + index },
    ),
  );
  const globex = { account: String(GLOBEX), 'rate-table': '3703' };
  seed.add(
    'clients',
    SEED.clients.otherAccountNorthwindHoldings,
    GLOBEX,
    { name: 'Northwind Holdings', domain: 'northwind-holdings.example', active: true, 'msa-date': null, 'user-defined-fields': [] },
    globex,
  );
  seed.add(
    'clients',
    SEED.clients.otherAccountInitech,
    GLOBEX,
    { name: 'Initech', domain: 'initech.example', active: true, 'msa-date': null, 'user-defined-fields': [] },
    globex,
  );

  const contact = (id: string, clientId: string, name: string, email: string, title: string, accountId: number = ACME) =>
    seed.add('contacts', id, accountId, { name, email, phone: '+1 555 0142', title }, { client: clientId });
  contact('1501', SEED.clients.northwind, 'Nancy Davolio', 'nancy.davolio@northwind.example', 'IT Director');
  contact('1502', SEED.clients.northwind, 'Andrew Fuller', 'andrew.fuller@northwind.example', 'VP Operations');
  contact('1503', SEED.clients.northwindTraders, 'Janet Leverling', 'janet.leverling@northwindtraders.example', 'CISO');
  contact('1504', SEED.clients.contosoHealth, 'Kim Abercrombie', 'kim.abercrombie@contoso-health.example', 'CIO');
  contact('1505', SEED.clients.fabrikam, 'Pat Coleman', 'pat.coleman@fabrikam.example', 'Plant IT Manager');
  contact('1506', SEED.clients.wideWorldImporters, 'Molly Dempsey', 'molly.dempsey@wideworldimporters.example', 'Office Manager');
  contact('1507', SEED.clients.woodgrove, 'Terry Adams', 'terry.adams@woodgrove.example', 'Infrastructure Lead');
  contact('1508', SEED.clients.fourthCoffee, 'Lisa Andrews', 'lisa.andrews@fourthcoffee.example', 'Owner');
  contact('1509', SEED.clients.otherAccountInitech, 'Bill Lumbergh', 'bill.lumbergh@initech.example', 'Division VP', GLOBEX);
}

interface SubserviceRow {
  id: string;
  service: string;
  name: string;
  hours: string;
  position: number;
  active?: boolean;
}

/** Catalog subservices; a catalog service's total-hours is its base-hours plus its active subservices' hours. */
const SUBSERVICES: SubserviceRow[] = [
  {
    id: SEED.subservices.discoveryWorkshop,
    service: SEED.services.networkAssessment,
    name: 'Discovery Workshop',
    hours: '4.0',
    position: 1,
  },
  { id: SEED.subservices.assessmentReport, service: SEED.services.networkAssessment, name: 'Assessment Report', hours: '6.0', position: 2 },
  {
    id: SEED.subservices.cablingAuditInactive,
    service: SEED.services.networkAssessment,
    name: 'Legacy Cabling Audit',
    hours: '2.0',
    position: 3,
    active: false,
  },
  {
    id: SEED.subservices.ruleBaseMigration,
    service: SEED.services.firewallDeployment,
    name: 'Rule Base Migration',
    hours: '8.0',
    position: 1,
  },
  { id: SEED.subservices.cutoverSupport, service: SEED.services.firewallDeployment, name: 'Cutover Support', hours: '4.0', position: 2 },
  { id: SEED.subservices.backupOnboarding, service: SEED.services.managedBackup, name: 'Backup Onboarding', hours: '2.0', position: 1 },
];

function catalog(seed: SeedBuilder): void {
  const acme = { account: String(ACME) };
  const service = (id: string, name: string, type: string, hours: string, tags: string[], active = true) => {
    const subserviceHours = SUBSERVICES.filter((row) => row.service === id && row.active !== false).reduce(
      (sum, row) => sum + Number(row.hours),
      0,
    );
    seed.add(
      'services',
      id,
      ACME,
      {
        name,
        description: `${name} delivered by Acme engineers.`,
        'service-description': `Acme will perform the ${name.toLowerCase()}.`,
        'base-hours': hours,
        'suggested-hours': hours,
        'total-hours': (Number(hours) + subserviceHours).toFixed(1),
        'service-type': type,
        'tag-list': tags,
        sku: `SVC-${id}`,
        active,
        published: active,
        state: active ? 'published' : 'archived',
        languages: { out: `Anything beyond the ${name.toLowerCase()}.`, customer: 'Provide site access and a technical contact.' },
      },
      {},
    );
  };
  service(SEED.services.networkAssessment, 'Network Assessment', 'professional_services', '16.0', ['network']);
  service(SEED.services.firewallDeployment, 'Firewall Deployment', 'professional_services', '24.0', ['security', 'network']);
  service(SEED.services.m365Migration, 'Microsoft 365 Migration', 'professional_services', '40.0', ['cloud']);
  service(SEED.services.managedBackup, 'Managed Backup', 'managed_services', '4.0', ['backup']);
  service(SEED.services.wifiSurvey, 'Wi-Fi Site Survey', 'professional_services', '8.0', ['network', 'wireless']);
  service(SEED.services.pbxDecommission, 'Legacy PBX Decommission', 'professional_services', '12.0', ['voice'], false);
  for (const row of SUBSERVICES) {
    seed.add(
      'subservices',
      row.id,
      ACME,
      {
        name: row.name,
        'service-description': `Acme will deliver the ${row.name.toLowerCase()}.`,
        'suggested-hours': row.hours,
        quantity: 1,
        position: row.position,
        active: row.active ?? true,
        languages: {},
      },
      { service: row.service },
    );
  }

  const template = (id: string, name: string, format: string, active: boolean) =>
    seed.add(
      'document-templates',
      id,
      ACME,
      {
        name,
        active,
        format,
        'merge-template-filename': `${name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}.docx`,
        'filename-format': ['project_name', 'document_type'],
        'template-format': 'v2',
        'include-formatting': true,
      },
      acme,
    );
  template(SEED.documentTemplates.standardSow, 'Standard SOW', 'word_template', true);
  template(SEED.documentTemplates.managedServicesAgreement, 'Managed Services Agreement', 'word_template', true);
  template(SEED.documentTemplates.legacySowInactive, 'Legacy SOW (2019)', 'tag_template', false);

  const vendor = (id: string, name: string, city: string, state: string, active: boolean) =>
    seed.add(
      'vendors',
      id,
      ACME,
      { name, active, 'street-address': '200 Supply Rd', street2: null, city, state, 'postal-code': '75001', country: 'US' },
      acme,
    );
  vendor(SEED.vendors.ubiquitousNetworks, 'Ubiquitous Networks Supply', 'Dallas', 'TX', true);
  vendor(SEED.vendors.contosoDistribution, 'Contoso Distribution', 'Phoenix', 'AZ', true);
  vendor(SEED.vendors.fabrikamWholesale, 'Fabrikam Hardware Wholesale', 'Columbus', 'OH', false);

  const product = (
    id: string,
    name: string,
    sku: string,
    category: string,
    vendorName: string,
    cost: string,
    price: string,
    frequency = 'one_time',
  ) =>
    seed.add(
      'products',
      id,
      ACME,
      {
        name,
        description: `${name} (sandbox catalog item)`,
        active: true,
        sku,
        'product-id': `P-${id}`,
        'manufacturer-name': 'Example Devices Inc.',
        'manufacturer-part-number': `MPN-${sku}`,
        'vendor-name': vendorName,
        'unit-of-measure': 'each',
        'unit-cost': cost,
        'unit-price': price,
        'list-price': null,
        markup: null,
        'vendor-discount': null,
        'vendor-rebate': null,
        category,
        subcategory: null,
        'billing-frequency': frequency,
        'project-variables': [],
      },
      acme,
    );
  product(SEED.products.edgeFirewall, 'Edge Firewall FW-200', 'FW-200', 'Security', 'Ubiquitous Networks Supply', '1800.00', '2450.00');
  product(SEED.products.accessPoint, 'Wireless Access Point AP-6E', 'AP-6E', 'Wireless', 'Ubiquitous Networks Supply', '310.00', '449.00');
  product(SEED.products.switch48, 'Managed Switch 48-Port', 'SW-48', 'Switching', 'Contoso Distribution', '1200.00', '1699.00');
  product(SEED.products.backupAppliance, 'Backup Appliance 8TB', 'BK-8T', 'Backup', 'Contoso Distribution', '95.00', '149.00', 'monthly');
}

interface ProjectRow {
  id: string;
  name: string;
  client: string;
  status: string;
  sales: string;
  presales: string;
  crm: string | null;
  tags: string[];
  submittedHours?: number;
  approvedHours?: number;
}

function projects(seed: SeedBuilder): void {
  const P = SEED.projects;
  const rows: ProjectRow[] = [
    {
      id: P.northwindSdWan,
      name: 'Northwind SD-WAN Rollout',
      client: SEED.clients.northwind,
      status: 'building',
      sales: SEED.salesExecutives.jordanEllis,
      presales: SEED.presalesEngineers.samOkafor,
      crm: SEED.crmOpportunities.northwindSdWan,
      tags: ['network', 'sd-wan'],
    },
    {
      id: P.contosoM365,
      name: 'Contoso Microsoft 365 Migration',
      client: SEED.clients.contosoHealth,
      status: 'technical_approval',
      sales: SEED.salesExecutives.rileyNavarro,
      presales: SEED.presalesEngineers.alexKim,
      crm: SEED.crmOpportunities.contosoM365,
      tags: ['cloud'],
      submittedHours: 300,
    },
    {
      id: P.fabrikamFirewall,
      name: 'Fabrikam Managed Firewall',
      client: SEED.clients.fabrikam,
      status: 'approved',
      sales: SEED.salesExecutives.jordanEllis,
      presales: SEED.presalesEngineers.taylorGrant,
      crm: null,
      tags: ['security'],
      submittedHours: 310,
      approvedHours: 330,
    },
    {
      id: P.woodgroveDatacenter,
      name: 'Woodgrove Datacenter Refresh',
      client: SEED.clients.woodgrove,
      status: 'won',
      sales: SEED.salesExecutives.rileyNavarro,
      presales: SEED.presalesEngineers.samOkafor,
      crm: null,
      tags: ['datacenter'],
      submittedHours: 320,
      approvedHours: 340,
    },
    {
      id: P.tailspinBackup,
      name: 'Tailspin Backup Assessment',
      client: SEED.clients.tailspinToys,
      status: 'lost',
      sales: SEED.salesExecutives.caseyBrooks,
      presales: SEED.presalesEngineers.alexKim,
      crm: SEED.crmOpportunities.tailspinClosed,
      tags: ['backup'],
    },
    {
      id: P.fourthCoffeeWifi,
      name: 'Fourth Coffee Wi-Fi Survey',
      client: SEED.clients.fourthCoffee,
      status: 'building',
      sales: SEED.salesExecutives.jordanEllis,
      presales: SEED.presalesEngineers.samOkafor,
      crm: null,
      tags: ['wireless'],
    },
    {
      id: P.northwindTradersAudit,
      name: 'Northwind Traders Security Audit',
      client: SEED.clients.northwindTraders,
      status: 'sales_approval',
      sales: SEED.salesExecutives.rileyNavarro,
      presales: SEED.presalesEngineers.taylorGrant,
      crm: null,
      tags: ['security', 'audit'],
      submittedHours: 350,
    },
  ];
  rows.forEach((row, index) =>
    seed.add(
      'projects',
      row.id,
      ACME,
      {
        'project-name': row.name,
        status: row.status,
        'executive-summary': `${row.name} for a valued client.`,
        'key-objectives': null,
        'our-responsibilities': null,
        'client-responsibilities': null,
        'solution-summary': null,
        'out-of-scope': null,
        'msa-date': '2024-06-01',
        'service-start-date': null,
        'tag-list': row.tags,
        'project-variables': [{ name: 'region', value: 'North America' }],
        active: true,
        'one-time-adjustment': '0.00',
        'mrr-adjustment': '0.00',
        'mrr-terms': 12,
        'payment-info': { 'pricing-model': 'fixed_fee', 'include-expenses': false, 'include-product': true, 'rate-type': 'hours' },
        'submitted-at': row.submittedHours === undefined ? null : seedTime(row.submittedHours),
        'approved-at': row.approvedHours === undefined ? null : seedTime(row.approvedHours),
      },
      {
        account: String(ACME),
        client: row.client,
        'sales-executive': row.sales,
        'presales-engineer': row.presales,
        'payment-term': SEED.paymentTerms.net30,
        'rate-table': SEED.rateTables.standard,
        'crm-opportunity': row.crm,
        'document-template': SEED.documentTemplates.standardSow,
        'business-unit': SEED.businessUnits.managedServices,
        creator: SEED.passwordUser.userId,
      },
      { updatedAfterHours: 400 + index * 5 },
    ),
  );
  seed.add(
    'projects',
    P.otherAccountInitech,
    GLOBEX,
    {
      'project-name': 'Initech TPS Server Upgrade',
      status: 'building',
      'tag-list': [],
      'project-variables': [],
      active: true,
      'submitted-at': null,
      'approved-at': null,
    },
    { account: String(GLOBEX), client: SEED.clients.otherAccountInitech, creator: SEED.otherAccountServiceUser.userId },
  );
}

function projectDetails(seed: SeedBuilder): void {
  const P = SEED.projects;
  const S = SEED.services;
  const service = (
    id: string,
    project: string,
    name: string,
    hours: string,
    catalogService: string | null,
    type = 'professional_services',
    frequency = 'one_time',
    accountId: number = ACME,
  ) =>
    seed.add(
      'project-services',
      id,
      accountId,
      {
        name,
        quantity: 1,
        'override-hours': hours,
        'actual-hours': '0.0',
        position: 0,
        'service-type': type,
        'payment-frequency': frequency,
        'task-source': catalogService === null ? 'custom' : 'service',
        'service-description': `${name} as scoped.`,
        sku: null,
        languages: { out: '', customer: '', assumptions: '' },
        active: true,
      },
      { project, 'project-location': null, service: catalogService },
    );
  service('2501', P.northwindSdWan, 'Network Assessment', '16.0', S.networkAssessment);
  service('2502', P.northwindSdWan, 'Firewall Deployment', '24.0', S.firewallDeployment);
  service('2503', P.contosoM365, 'Microsoft 365 Migration', '40.0', S.m365Migration);
  service('2504', P.fabrikamFirewall, 'Firewall Deployment', '24.0', S.firewallDeployment);
  service('2505', P.fabrikamFirewall, 'Managed Backup', '4.0', S.managedBackup, 'managed_services', 'monthly');
  service('2506', P.woodgroveDatacenter, 'Datacenter Migration', '80.0', null);
  service('2507', P.tailspinBackup, 'Managed Backup', '4.0', S.managedBackup, 'managed_services', 'monthly');
  service('2508', P.northwindTradersAudit, 'Network Assessment', '16.0', S.networkAssessment);
  service('2509', P.otherAccountInitech, 'Server Upgrade', '20.0', null, 'professional_services', 'one_time', GLOBEX);
  // The seeded project-services have no project-subservices; new ones are numbered from 2801.
  seed.startIdsAfter('project-subservices', 2800);

  const location = (id: string, project: string, name: string, city: string, state: string, remote = false) =>
    seed.add(
      'project-locations',
      id,
      ACME,
      {
        name,
        street: '1 Example Plaza',
        street2: null,
        city,
        state,
        'postal-code': '98101',
        country: 'US',
        remote,
        'project-variables': [{ name: 'site_code', value: `${city.slice(0, 3).toUpperCase()}-1` }],
      },
      { project },
    );
  location('2401', P.northwindSdWan, 'Northwind HQ', 'Seattle', 'WA');
  location('2402', P.northwindSdWan, 'Northwind Warehouse', 'Tacoma', 'WA');
  location('2403', P.contosoM365, 'Contoso Main Campus', 'Portland', 'OR');
  location('2404', P.fabrikamFirewall, 'Fabrikam Plant 1', 'Toledo', 'OH');
  location('2405', P.fourthCoffeeWifi, 'Fourth Coffee Roastery', 'Boise', 'ID');

  const contact = (id: string, project: string, name: string, email: string, type: string) =>
    seed.add(
      'project-contacts',
      id,
      ACME,
      {
        name,
        title: 'Stakeholder',
        email,
        phone: '+1 555 0199',
        'contact-type': type,
        active: true,
        'project-variables': [],
      },
      { project },
    );
  contact('2301', P.northwindSdWan, 'Nancy Davolio', 'nancy.davolio@northwind.example', 'primary_customer_contact');
  contact('2302', P.contosoM365, 'Kim Abercrombie', 'kim.abercrombie@contoso-health.example', 'primary_customer_contact');
  contact('2303', P.fabrikamFirewall, 'Pat Coleman', 'pat.coleman@fabrikam.example', 'primary_customer_contact');
  contact('2304', P.northwindTradersAudit, 'Janet Leverling', 'janet.leverling@northwindtraders.example', 'customer_contact');

  const approval = (id: string, project: string, role: string, status: string | null, approver: string | null) =>
    seed.add(
      'project-approvals',
      id,
      ACME,
      {
        status,
        role,
        comment: status === 'approved' ? 'Looks good.' : null,
        reason: null,
        'completed-at': status === null ? null : '2025-03-01T12:00:00.000Z',
        'approver-name': approver === null ? null : SEED.passwordUser.name,
        'lob-ids': [],
      },
      { project, user: approver, 'approval-step': null },
    );
  approval('2701', P.contosoM365, 'technical', null, null);
  approval('2702', P.fabrikamFirewall, 'technical', 'approved', SEED.passwordUser.userId);
  approval('2703', P.woodgroveDatacenter, 'technical', 'approved', SEED.passwordUser.userId);
  approval('2704', P.northwindTradersAudit, 'technical', 'approved', SEED.passwordUser.userId);
  approval('2705', P.northwindTradersAudit, 'sales', null, null);

  seed.add(
    'project-documents',
    SEED.projectDocuments.fabrikamSow,
    ACME,
    {
      'template-id': SEED.documentTemplates.standardSow,
      'document-type': 'sow',
      'force-regeneration': false,
      'generate-pdf': true,
      status: 'finished',
      'error-text': null,
      'template-name': 'Standard SOW',
    },
    { project: P.fabrikamFirewall },
    { internal: { 'file-name': 'fabrikam-managed-firewall-sow.pdf' } },
  );
}

/** A fresh copy of the seed state (every call builds new objects, so reset() cannot leak edits). */
export function buildSeedState(): State {
  const seed = new SeedBuilder();
  accounts(seed);
  people(seed);
  settings(seed);
  crm(seed);
  clients(seed);
  catalog(seed);
  projects(seed);
  projectDetails(seed);
  return seed.state;
}
