/** Services: the firm's service catalog, and the services (with subservices) scoped on a project. */
import type { ResourceSpec } from 'connector-toolkit/resource-spec.js';
import { scopestackRequester } from '../requester.js';

const TIMESTAMPS = [
  { name: 'created-at', kind: 'datetime' },
  { name: 'updated-at', kind: 'datetime' },
] as const;

const SERVICE_TYPES = { professional_services: 'Professional Services', managed_services: 'Managed Services' } as const;

/** The pricing ScopeStack computes for a service, in the API's snake_case keys. */
const PRICING_KEYS = ['service_revenue', 'service_cost', 'extended_hours'] as const;

export const services = {
  type: 'services',
  path: 'services',
  noun: 'Service',
  display: 'name',
  attributes: [
    { name: 'name', kind: 'string' },
    { name: 'sku', kind: 'string', label: 'SKU' },
    { name: 'description', kind: 'text' },
    { name: 'service-description', kind: 'text', label: 'SOW Language' },
    { name: 'service-type', kind: 'string', choices: SERVICE_TYPES },
    { name: 'suggested-hours', kind: 'decimal' },
    { name: 'total-hours', kind: 'decimal' },
    { name: 'tag-list', kind: 'list', label: 'Tags' },
    { name: 'active', kind: 'boolean' },
    { name: 'published', kind: 'boolean' },
    ...TIMESTAMPS,
  ],
  relationships: [{ name: 'subservices', type: 'subservices', many: true, items: ['id', 'name', 'suggested_hours'] }],
  include: ['subservices'],
  dropdownDetail: 'sku',
  dropdownParams: { 'filter[active]': 'true' },
  filters: [
    {
      key: 'name',
      param: 'filter[name]',
      match: 'contains',
      help: 'The whole service name. Matches exactly, ignoring case ("firewall" finds "Firewall", not "Firewall Upgrade").',
    },
    {
      key: 'sku',
      param: 'filter[sku]',
      match: 'exact',
      label: 'SKU',
      help: 'The service SKU, for example MS-FW-01, exactly as ScopeStack has it (case counts).',
    },
  ],
  searchParams: { 'filter[active]': 'true,false' },
  requester: scopestackRequester,
  sample: {
    id: '259302',
    name: 'Firewall Deployment',
    sku: 'PS-FW-01',
    description: 'Deploy and configure a next-generation firewall.',
    service_description: 'We will install and configure one firewall pair.',
    service_type: 'professional_services',
    suggested_hours: '16.0',
    total_hours: '16.0',
    tag_list: ['security'],
    active: true,
    published: true,
    created_at: '2024-11-04T10:00:00Z',
    updated_at: '2025-01-15T08:30:00Z',
    subservices_ids: ['8101'],
    subservices: [{ id: '8101', name: 'Rule Review', suggested_hours: '4.0' }],
  },
} as const satisfies ResourceSpec;

export const projectServices = {
  type: 'project-services',
  path: 'project-services',
  noun: 'Project Service',
  display: 'name',
  attributes: [
    {
      name: 'name',
      kind: 'string',
      writable: true,
      help: 'Required for a custom service, for example "Discovery Workshop". Leave empty when you pick a catalog service: its name is used.',
    },
    { name: 'quantity', kind: 'integer', writable: true, help: 'How many of the service the project needs; 1 when left empty.' },
    {
      name: 'override-hours',
      kind: 'decimal',
      writable: true,
      label: 'Hours',
      help: "Hours per unit, as a number, for example 12.5. Leave empty to use the catalog service's suggested hours.",
    },
    {
      name: 'service-description',
      kind: 'text',
      writable: true,
      label: 'SOW Language',
      help: 'What the statement of work says about this service. Leave empty to use the catalog text.',
    },
    {
      name: 'service-type',
      kind: 'string',
      writable: true,
      choices: SERVICE_TYPES,
      help: 'Professional Services (one-off work, the default for a custom service) or Managed Services (recurring).',
    },
    { name: 'task-source', kind: 'string', label: 'Source' },
    { name: 'total-hours', kind: 'decimal' },
    { name: 'calculated-pricing', kind: 'json', label: 'Pricing', keys: PRICING_KEYS },
    ...TIMESTAMPS,
  ],
  relationships: [
    {
      name: 'project',
      type: 'projects',
      display: 'project-name',
      writable: true,
      dropdown: 'list_projects',
      search: 'find_project',
      help: 'The project to add the service to. Pick one (projects are listed with their client), or map a project ID.',
    },
    {
      name: 'service',
      type: 'services',
      writable: true,
      dropdown: 'list_services',
      search: 'find_service',
      label: 'Catalog Service',
      help: 'A service from your catalog (active services are listed). Leave empty to add a custom service: then fill in Name.',
    },
    {
      name: 'project-subservices',
      type: 'project-subservices',
      many: true,
      label: 'Subservices',
      items: ['id', 'name', 'quantity', 'total_hours'],
    },
  ],
  include: ['project', 'service', 'project-subservices'],
  ownedByAccount: false,
  requester: scopestackRequester,
  sample: {
    id: '526936',
    name: 'Firewall Deployment',
    quantity: 1,
    override_hours: '16.0',
    service_description: 'We will install and configure one firewall pair.',
    service_type: 'professional_services',
    task_source: 'service',
    total_hours: '20.0',
    calculated_pricing: { service_revenue: '3000.0', service_cost: '1800.0', extended_hours: '20.0' },
    created_at: '2025-02-03T14:20:00Z',
    updated_at: '2025-02-03T14:20:00Z',
    project_id: '90425',
    project_name: 'Cloud Migration',
    service_id: '259302',
    service_name: 'Firewall Deployment',
    project_subservices_ids: ['1462926'],
    project_subservices: [{ id: '1462926', name: 'Rule Review', quantity: 1, total_hours: '4.0' }],
  },
} as const satisfies ResourceSpec;

/** The parts of a service scoped on a project (read here; they come with their service). */
export const projectSubservices = {
  type: 'project-subservices',
  path: 'project-subservices',
  noun: 'Project Subservice',
  display: 'name',
  attributes: [
    { name: 'name', kind: 'string' },
    { name: 'quantity', kind: 'integer' },
    { name: 'override-hours', kind: 'decimal', label: 'Hours' },
    { name: 'total-hours', kind: 'decimal' },
    { name: 'service-description', kind: 'text', label: 'SOW Language' },
    ...TIMESTAMPS,
  ],
  relationships: [
    { name: 'project-service', type: 'project-services', label: 'Project Service' },
    { name: 'project', type: 'projects', display: 'project-name' },
  ],
  ownedByAccount: false,
  requester: scopestackRequester,
  sample: {
    id: '1462926',
    name: 'Rule Review',
    quantity: 1,
    override_hours: '4.0',
    total_hours: '4.0',
    service_description: 'Review the existing rule base.',
    created_at: '2025-02-03T14:20:00Z',
    updated_at: '2025-02-03T14:20:00Z',
    project_service_id: '526936',
    project_id: '90425',
  },
} as const satisfies ResourceSpec;
