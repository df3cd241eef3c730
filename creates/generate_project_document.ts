import { documentTemplates, projectDocuments } from '../src/scopestack/catalog/index.js';
import { createStep } from 'connector-toolkit/steps/write-step.js';

export default createStep(projectDocuments, {
  key: 'generate_project_document',
  label: 'Generate Project Document',
  description: 'Generates a statement of work, pricing or work-breakdown document for a project, and waits for the file.',
  required: ['project_id'],
  variants: {
    by: 'document_type',
    cases: {
      pricing: { fixed: { 'template-id': 'pricing', 'document-type': 'pricing' } },
      breakdown: { fixed: { 'template-id': 'breakdown', 'document-type': 'breakdown' } },
    },
    // A statement of work needs a template, checked to exist and be active before anything is generated.
    otherwise: {
      fixed: { 'document-type': 'sow' },
      required: ['template_id'],
      checks: [{ key: 'template_id', spec: documentTemplates, active: 'active' }],
    },
  },
  wait: {
    status: 'status',
    messages: {
      finished: 'The document is ready: Document File holds it for later steps.',
      error: 'ScopeStack could not generate the document: {error_text}',
      pending: 'ScopeStack is still generating the document. New Project Document will fire when it is ready.',
    },
  },
});
