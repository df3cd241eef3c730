/** Documents: the account's document templates, and the documents (a SOW, a pricing sheet) generated for a project. */
import type { ResourceSpec } from 'connector-toolkit/resource-spec.js';
import { scopestackRequester } from '../requester.js';

const TIMESTAMPS = [
  { name: 'created-at', kind: 'datetime' },
  { name: 'updated-at', kind: 'datetime' },
] as const;

export const documentTemplates = {
  type: 'document-templates',
  path: 'document-templates',
  noun: 'Document Template',
  display: 'name',
  attributes: [
    { name: 'name', kind: 'string' },
    { name: 'active', kind: 'boolean' },
    { name: 'format', kind: 'string', choices: { word_template: 'Word Template', tag_template: 'Tag Template' } },
    { name: 'template-format', kind: 'string', label: 'Template Version' },
    ...TIMESTAMPS,
  ],
  relationships: [{ name: 'account', type: 'accounts' }],
  dropdownParams: { 'filter[active]': 'true' },
  filters: [
    {
      key: 'name',
      param: 'filter[name]',
      // ScopeStack's template name filter is exact and case-sensitive; the step also matches ignoring case.
      match: 'exact-case-sensitive',
      help: 'The whole template name. Matches ignoring case ("standard sow" finds "Standard SOW"), though ScopeStack itself compares case.',
    },
  ],
  requester: scopestackRequester,
  sample: {
    id: '1820',
    name: 'Standard SOW',
    active: true,
    format: 'word_template',
    template_format: 'v2',
    created_at: '2024-06-01T12:00:00Z',
    updated_at: '2025-01-10T16:45:00Z',
    account_id: '42',
  },
} as const satisfies ResourceSpec;

const DOCUMENT_TYPES = { sow: 'Statement of Work (from a template)', pricing: 'Pricing', breakdown: 'Work Breakdown' } as const;

export const projectDocuments = {
  type: 'project-documents',
  path: 'project-documents',
  noun: 'Project Document',
  display: 'template-name',
  attributes: [
    {
      name: 'document-type',
      kind: 'string',
      writable: true,
      choices: DOCUMENT_TYPES,
      help: 'A statement of work from a document template (the default), or a pricing or work-breakdown document, which need no template.',
    },
    {
      name: 'template-id',
      kind: 'string',
      writable: true,
      label: 'Document Template',
      dropdown: 'list_document_templates',
      help: 'The template a statement of work is generated from (active templates are listed). Required for a statement of work.',
    },
    {
      name: 'generate-pdf',
      kind: 'boolean',
      writable: true,
      label: 'As PDF',
      help: 'Yes for a PDF, No for a Word document.',
      // Every public client sends it explicitly; ScopeStack's own default is not shown anywhere.
      default: 'true',
    },
    {
      name: 'force-regeneration',
      kind: 'boolean',
      writable: true,
      help: 'Yes (as every public ScopeStack client sends it) to generate the document from the project as it is now; No may return a document ScopeStack made earlier.',
      default: 'true',
    },
    { name: 'status', kind: 'string', label: 'Document Status' },
    { name: 'error-text', kind: 'text', label: 'Error' },
    { name: 'document-url', kind: 'string', label: 'Document URL' },
    { name: 'template-name', kind: 'string' },
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
      help: 'The project to generate the document for. Pick one (projects are listed with their client), or map a project ID.',
    },
  ],
  include: ['project'],
  files: [{ urlAttribute: 'document-url', key: 'document_file', label: 'Document File' }],
  ownedByAccount: false,
  requester: scopestackRequester,
  sample: {
    id: '66001',
    document_type: 'sow',
    template_id: '1820',
    generate_pdf: true,
    force_regeneration: true,
    status: 'finished',
    error_text: null,
    document_url: 'https://documents.example/acme-it/sow/66001/cloud-migration.pdf',
    document_file: 'https://documents.example/acme-it/sow/66001/cloud-migration.pdf',
    template_name: 'Standard SOW',
    created_at: '2025-02-05T11:00:00Z',
    updated_at: '2025-02-05T11:00:20Z',
    project_id: '90425',
    project_name: 'Cloud Migration',
  },
} as const satisfies ResourceSpec;
