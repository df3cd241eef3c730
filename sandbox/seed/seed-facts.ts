/**
 * The deterministic facts of the sandbox seed that tests and demos rely on. All names, domains
 * and people are fictitious; e-mail addresses use the reserved `.example` top-level domain.
 */
export const SEED = {
  account: { id: 4101, slug: 'acme-it', name: 'Acme IT Solutions (Sandbox)' },
  otherAccount: { id: 4102, slug: 'globex-msp', name: 'Globex Managed Services (Sandbox)' },

  /** Service user (role admin) with a client credential whose secret needs form encoding. */
  serviceUser: {
    userId: '501',
    name: 'Zapier Integration',
    email: 'zapier-integration@acme-it.example',
    role: 'admin',
    credentialName: 'Zapier',
    clientId: 'sbx-zapier-7f3a9c21e4b0',
    clientSecret: 'zap &%+=# secret',
  },
  /** Service user with role read_only: GETs work, writes get 403. */
  readOnlyServiceUser: {
    userId: '502',
    name: 'Reporting Bot',
    email: 'reporting-bot@acme-it.example',
    role: 'read_only',
    credentialName: 'Reporting',
    clientId: 'sbx-reports-2b8e4d10c6a1',
    clientSecret: 'read only secret',
  },
  /** Licensed user for the legacy password grant (use with `accountClient`). */
  passwordUser: {
    userId: '503',
    name: 'Dana Whitfield',
    email: 'dana.whitfield@acme-it.example',
    username: 'dana.whitfield@acme-it.example',
    password: 'Sandbox-Pass-2025!',
    role: 'admin',
  },
  /** Account-level OAuth application of acme-it (password and refresh_token grants). */
  accountClient: { clientId: 'sbx-acme-app-91c0d2e3', clientSecret: 'acme app secret' },
  /** Service user of the other account, to prove that one account cannot see another. */
  otherAccountServiceUser: {
    userId: '601',
    name: 'Globex Automation',
    email: 'automation@globex-msp.example',
    role: 'admin',
    credentialName: 'Globex automation',
    clientId: 'sbx-globex-5d1e8f3a9b27',
    clientSecret: 'globex secret',
  },

  clients: {
    northwind: '1001',
    northwindTraders: '1002',
    contosoHealth: '1003',
    fabrikam: '1004',
    tailspinToys: '1005',
    wideWorldImporters: '1006',
    adventureWorks: '1007',
    litwareLegal: '1008',
    prosewareLabs: '1009',
    woodgrove: '1010',
    fourthCoffee: '1011',
    blueYonder: '1012',
    /** In globex-msp: name contains "Northwind" too, and must never show up in acme-it. */
    otherAccountNorthwindHoldings: '1013',
    otherAccountInitech: '1014',
  },
  /** Inactive clients of acme-it. */
  inactiveClients: ['1005', '1008', '1012'],
  projects: {
    northwindSdWan: '2001', // building, has services
    contosoM365: '2002', // technical_approval
    fabrikamFirewall: '2003', // approved
    woodgroveDatacenter: '2004', // won
    tailspinBackup: '2005', // lost
    fourthCoffeeWifi: '2006', // building, no services (document generation fails)
    northwindTradersAudit: '2007', // sales_approval
    otherAccountInitech: '2008',
  },
  salesExecutives: { jordanEllis: '3301', rileyNavarro: '3302', caseyBrooks: '3303' },
  presalesEngineers: { samOkafor: '3401', alexKim: '3402', taylorGrant: '3403' },
  rateTables: { standard: '3701', publicSector: '3702' },
  paymentTerms: { net30: '3801', split: '3802' },
  /** Catalog services. All are active and published except pbxDecommission (inactive, archived). */
  services: {
    networkAssessment: '3001', // 16 h, subservices discoveryWorkshop + assessmentReport (+ one inactive)
    firewallDeployment: '3002', // 24 h, subservices ruleBaseMigration + cutoverSupport
    m365Migration: '3003', // 40 h, no subservices
    managedBackup: '3004', // 4 h, managed_services, subservice backupOnboarding
    wifiSurvey: '3005', // 8 h, no subservices
    pbxDecommission: '3006', // inactive: a project-service built from it gets 422
  },
  inactiveServices: ['3006'],
  /** Catalog subservices (position order within each service); the hours are suggested-hours. */
  subservices: {
    discoveryWorkshop: '4001', // networkAssessment, position 1, 4 h
    assessmentReport: '4002', // networkAssessment, position 2, 6 h
    cablingAuditInactive: '4003', // networkAssessment, position 3, 2 h, inactive: never copied to projects
    ruleBaseMigration: '4004', // firewallDeployment, position 1, 8 h
    cutoverSupport: '4005', // firewallDeployment, position 2, 4 h
    backupOnboarding: '4006', // managedBackup, position 1, 2 h
  },
  documentTemplates: { standardSow: '3101', managedServicesAgreement: '3102', legacySowInactive: '3103' },
  crmOpportunities: { northwindSdWan: '3201', contosoM365: '3202', tailspinClosed: '3203' },
  vendors: { ubiquitousNetworks: '3501', contosoDistribution: '3502', fabrikamWholesale: '3503' },
  products: { edgeFirewall: '3601', accessPoint: '3602', switch48: '3603', backupAppliance: '3604' },
  businessUnits: { managedServices: '4201' },
  projectDocuments: { fabrikamSow: '2601' },

  /** Records of acme-it per type, as seeded. */
  counts: {
    clients: 12,
    contacts: 8,
    projects: 7,
    'project-contacts': 4,
    'project-locations': 5,
    'project-services': 8,
    'project-documents': 1,
    'project-approvals': 5,
    services: 6,
    subservices: 6,
    'project-subservices': 0,
    'document-templates': 3,
    'crm-opportunities': 3,
    'sales-executives': 3,
    'presales-engineers': 3,
    users: 5,
    vendors: 3,
    products: 4,
    'rate-tables': 2,
    'payment-terms': 2,
    'project-variables': 7,
    'business-units': 1,
  },
} as const;
