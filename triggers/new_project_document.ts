import { projectDocuments } from '../src/scopestack/catalog/index.js';
import { pollingTrigger } from 'connector-toolkit/steps/polling-trigger.js';

export default pollingTrigger(projectDocuments, {
  key: 'new_project_document',
  label: 'New Project Document',
  description: 'Triggers when a document generated for a project is ready, with the file to attach in later steps.',
  sort: '-updated-at',
  change: { versionBy: ['status'], idKey: 'document_id' },
  inputs: [
    {
      key: 'status',
      label: 'Document Status',
      param: 'filter[status]',
      list: true,
      choices: { finished: 'Finished (ready)', error: 'Failed' },
      fallback: 'finished',
      help: 'Finished (the default) fires when a document is ready; add Failed to hear about documents ScopeStack could not generate too. Each document fires once per status.',
    },
  ],
});
