import { apiNameFor, keyFor, labelFor } from '../../../src/toolkit/field-names.js';

describe('field names', () => {
  it.each([
    ['project-name', 'project_name', 'Project Name'],
    ['msa-date', 'msa_date', 'MSA Date'],
    ['sales-executive', 'sales_executive', 'Sales Executive'],
    ['crm-opportunity', 'crm_opportunity', 'CRM Opportunity'],
    ['document-url', 'document_url', 'Document URL'],
  ])('%s becomes key %s and label %s', (apiName, key, label) => {
    expect(keyFor(apiName)).toBe(key);
    expect(apiNameFor(key)).toBe(apiName);
    expect(labelFor(apiName)).toBe(label);
  });
});
