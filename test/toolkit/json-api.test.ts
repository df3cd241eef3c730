import { readFileSync } from 'node:fs';
import { clients, projects } from '../../src/scopestack/catalog/index.js';
import { asDocument, errorsOf, toRecord, type Document, type Resource } from 'connector-toolkit/formats/json-api.js';
import type { ResourceSpec } from 'connector-toolkit/resource-spec.js';
import { toDocument } from 'connector-toolkit/formats/json-api-format.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/clients/one.json', import.meta.url), 'utf8')) as Document<Resource>;

describe('toRecord', () => {
  it('flattens attributes, to-one and to-many relationships and names from included', () => {
    // The catalog's sample is, by contract, exactly what the API's record flattens to.
    expect(toRecord(fixture.data, fixture.included, clients.relationships)).toEqual(clients.sample);
    expect(clients.sample).toMatchObject({
      msa_date: '2025-01-31',
      rate_table_id: '7',
      rate_table_name: 'Standard Rates',
      contacts_ids: ['501'],
    });
  });

  it('leaves out relationships whose linkage the API did not send, and keeps explicit nulls', () => {
    const record = toRecord({
      id: '5',
      type: 'projects',
      attributes: { 'project-name': 'Migration' },
      relationships: { client: { links: {} }, 'sales-executive': { data: null } },
    });
    expect(record).toEqual({ id: '5', project_name: 'Migration', sales_executive_id: null });
  });

  it('turns numeric ids into strings', () => {
    expect(toRecord({ id: 9, type: 'clients', relationships: { account: { data: { type: 'accounts', id: 42 } } } })).toEqual({
      id: '9',
      account_id: '42',
    });
  });
});

describe('toDocument', () => {
  it('composes an attribute left empty on a create from the parts given, keeps one that is given, and composes nothing on an update', () => {
    const deals: ResourceSpec = {
      ...clients,
      type: 'deals',
      attributes: [
        { name: 'account', kind: 'string', writable: true },
        { name: 'title', kind: 'string', writable: true },
        { name: 'label', kind: 'string', writable: true, composedOf: { parts: ['account', 'title'], separator: ' / ' } },
      ],
      relationships: [],
    };
    const attributesOf = (input: Record<string, unknown>, id?: string) => {
      const result = toDocument(deals, input, id ? { id } : {});
      return result.ok ? result.document.data.attributes : result.problems;
    };
    expect(attributesOf({ account: 'Acme', title: 'Renewal' })).toEqual({ account: 'Acme', title: 'Renewal', label: 'Acme / Renewal' });
    expect(attributesOf({ title: 'Renewal', label: '' })).toEqual({ title: 'Renewal', label: 'Renewal' });
    expect(attributesOf({ title: 'Renewal', label: 'Kept' })).toEqual({ title: 'Renewal', label: 'Kept' });
    expect(attributesOf({})).toEqual({});
    expect(attributesOf({ title: 'Renewal' }, '12')).toEqual({ title: 'Renewal' });
  });

  it('round-trips a flat record into the JSON:API body the API takes', () => {
    const record = toRecord(fixture.data, fixture.included, clients.relationships);
    const result = toDocument(clients, record, { owner: { name: 'account', type: 'accounts', id: '42' } });
    expect(result).toEqual({
      ok: true,
      document: {
        data: {
          type: 'clients',
          attributes: {
            name: 'Example Client Ltd',
            domain: 'client.example',
            active: true,
            'msa-date': '2025-01-31',
            'user-defined-fields': [{ name: 'region', value: 'EMEA' }],
          },
          relationships: { account: { data: { type: 'accounts', id: '42' } } },
        },
      },
    });
  });

  it('puts the id on updates and never the owner relationship', () => {
    const result = toDocument(clients, { active: 'false' }, { id: '1001', owner: { name: 'account', type: 'accounts', id: '42' } });
    expect(result).toEqual({ ok: true, document: { data: { type: 'clients', id: '1001', attributes: { active: false } } } });
  });

  it('skips blank inputs and converts Zapier datetimes to dates', () => {
    const result = toDocument(clients, { name: 'Acme', domain: '', msa_date: '2025-03-04T00:00:00-05:00' });
    expect(result).toEqual({ ok: true, document: { data: { type: 'clients', attributes: { name: 'Acme', 'msa-date': '2025-03-04' } } } });
  });

  it("turns Zapier line items (blank rows dropped) into the API's list of objects", () => {
    const result = toDocument(clients, {
      user_defined_fields: [
        { user_defined_fields__name: 'industry', user_defined_fields__value: 'Retail' },
        { user_defined_fields__name: '', user_defined_fields__value: '' },
      ],
    });
    expect(result).toEqual({
      ok: true,
      document: { data: { type: 'clients', attributes: { 'user-defined-fields': [{ name: 'industry', value: 'Retail' }] } } },
    });
  });

  it('sends only the columns a line-item row has', () => {
    const result = toDocument(clients, { user_defined_fields: [{ user_defined_fields__name: 'industry', colour: 'red' }] });
    expect(result).toEqual({
      ok: true,
      document: { data: { type: 'clients', attributes: { 'user-defined-fields': [{ name: 'industry' }] } } },
    });
  });

  it.each([['5'], ['"text"'], ['{"name": "industry"}'], [[{ user_defined_fields__name: 'industry' }, 'Retail']]])(
    'refuses line items that are not a list of rows (%j), naming the field and the form',
    (value) => {
      expect(toDocument(clients, { user_defined_fields: value })).toEqual({
        ok: false,
        problems: [expect.stringMatching(/^User Defined Fields must be a list of rows, such as \[\{"name": "…", .*\}\] \(got /) as unknown],
      });
    },
  );

  it('never sends a read-only attribute, even when the input holds one (a record mapped from another step)', () => {
    const result = toDocument(projects, { project_name: 'Rollout', contract_revenue: '1000.00', created_at: '2025-01-31T10:00:00Z' });
    expect(result).toEqual({ ok: true, document: { data: { type: 'projects', attributes: { 'project-name': 'Rollout' } } } });
  });

  it('reports every value that does not fit, by label, instead of building a body', () => {
    const result = toDocument(clients, { name: 'Acme', active: 'maybe', msa_date: 'next week', user_defined_fields: '[oops' });
    expect(result).toEqual({
      ok: false,
      problems: [
        'Active must be true or false (got "maybe").',
        'MSA Date must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025 (got "next week").',
        'User Defined Fields must be valid JSON (see the field help for an example) (got "[oops").',
      ],
    });
  });
});

describe('asDocument and errorsOf', () => {
  const client = { type: 'clients', id: '1', attributes: { name: 'Acme' } };

  it.each([
    ['a list of resources', { data: [client, { type: 'clients', id: 2 }] }, true, true],
    ['one resource', { data: client }, false, true],
    ['a list where one member has no type', { data: [client, { id: '2' }] }, true, false],
    ['a list where one member has no usable id', { data: [client, { type: 'clients', id: null }] }, true, false],
    ['a list member that is a list', { data: [client, [client]] }, true, false],
    ['a list member that is null', { data: [client, null] }, true, false],
    ['data that is not a list where a list is expected', { data: client }, true, false],
    ['a list where one resource is expected', { data: [client] }, false, false],
    ['a body that is a list', [client], true, false],
    ['a body that is text', 'data', false, false],
  ] as const)('accepts %s only when it is the document asked for', (_case, body, many, accepted) => {
    expect(asDocument(body, many) !== undefined).toBe(accepted);
  });

  it('keeps only the error objects of an errors list, and nothing of an errors field that is no list', () => {
    expect(errorsOf({ errors: [{ title: 'Bad' }, 'text', null, ['x']] })).toEqual([{ title: 'Bad' }]);
    expect(errorsOf({ errors: { title: 'Bad' } })).toEqual([]);
    expect(errorsOf([{ title: 'Bad' }])).toEqual([]);
  });
});
