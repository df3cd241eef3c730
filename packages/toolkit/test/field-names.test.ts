import { apiNameFor, keyFor, labelFor, singular } from '../src/field-names.js';

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

  it.each([
    ['_internal_note', 'Internal Note'],
    ['msa-date-', 'MSA Date'],
    ['region  code', 'Region Code'],
  ])('labels %j as %s, without stray spaces from separators at the ends or repeated', (name, label) => {
    expect(labelFor(name)).toBe(label);
  });

  it.each([
    ['clients', 'client'],
    ['crm opportunities', 'crm opportunity'],
    ['addresses', 'address'],
    ['project addresses', 'project address'],
    ['taxes', 'tax'],
    ['branches', 'branch'],
    ['status', 'status'],
    ['series templates', 'series template'],
    ['orchestrations', 'orchestration'],
  ])('makes %j singular as %j, changing only the end of the name', (plural, one) => {
    expect(singular(plural)).toBe(one);
  });
});
