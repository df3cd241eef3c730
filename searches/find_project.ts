import { projects } from '../src/scopestack/catalog/index.js';
import { searchStep } from 'connector-toolkit/steps/search.js';

export default searchStep(projects, {
  key: 'find_project',
  narrow: [
    {
      key: 'client_id',
      param: 'filter[client_id]',
      match: 'exact',
      label: 'Client',
      dropdown: 'list_clients',
      search: 'find_client',
      help: 'Only projects of this client match. Leave empty to search every client.',
    },
  ],
  // Contacts, locations and services come back as line items in the same request.
  include: [...projects.include, 'project-contacts', 'project-locations', 'project-services'],
});
