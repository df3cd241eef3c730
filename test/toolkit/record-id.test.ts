import { scopestackRequester } from '../../src/scopestack/requester.js';
import { checkId } from 'connector-toolkit/record-id.js';
import type { ResourceSpec } from 'connector-toolkit/resource-spec.js';
import { toDocument } from 'connector-toolkit/formats/json-api-format.js';

const projects: ResourceSpec = {
  type: 'projects',
  path: 'projects',
  noun: 'Project',
  display: 'project-name',
  attributes: [{ name: 'project-name', kind: 'string', writable: true }],
  relationships: [
    { name: 'client', type: 'clients', writable: true },
    { name: 'tags', type: 'tags', many: true, writable: true },
  ],
  requester: scopestackRequester,
  sample: { id: '1' },
};

describe('checkId', () => {
  it.each([['1001'], [' 1001 '], [1001]])('accepts %j', (value) => {
    expect(checkId(scopestackRequester, 'Client', value)).toEqual({ ok: true, id: '1001' });
  });

  it.each([
    ['Northwind', '"Northwind"'],
    ['12abc', '"12abc"'],
    ['abc12', '"abc12"'],
    ['1.5', '"1.5"'],
    [['1'], 'a list'],
  ])('refuses %j, quoting it as %s', (value, quoted) => {
    const check = checkId(scopestackRequester, 'Client', value);
    expect(check).toEqual({
      ok: false,
      problem: `Client must be a ScopeStack ID, a whole number such as 1001 (got ${quoted}). Pick one from the dropdown, or map the ID (not the name) from an earlier step.`,
    });
  });
});

describe('checkId for a service whose IDs are any text', () => {
  const anyText = { ...scopestackRequester, service: 'Acme', recordId: { pattern: /^.+$/, description: 'any text' } };

  it.each([[['1']], [{ id: '1' }]])('still refuses %j, which is no single value', (value) => {
    expect(checkId(anyText, 'Client', value).ok).toBe(false);
  });
});

describe('toDocument relationship IDs', () => {
  it('sends checked IDs, trimmed, for to-one and to-many fields', () => {
    const result = toDocument(projects, { project_name: 'Rollout', client_id: ' 7 ', tags_ids: '1, 2' });
    expect(result).toEqual({
      ok: true,
      document: {
        data: {
          type: 'projects',
          attributes: { 'project-name': 'Rollout' },
          relationships: {
            client: { data: { type: 'clients', id: '7' } },
            tags: {
              data: [
                { type: 'tags', id: '1' },
                { type: 'tags', id: '2' },
              ],
            },
          },
        },
      },
    });
  });

  it('drops the empty entries of a comma-separated ID list, such as a trailing comma', () => {
    const result = toDocument(projects, { tags_ids: '1, , 2,' });
    expect(result).toEqual({
      ok: true,
      document: {
        data: {
          type: 'projects',
          attributes: {},
          relationships: {
            tags: {
              data: [
                { type: 'tags', id: '1' },
                { type: 'tags', id: '2' },
              ],
            },
          },
        },
      },
    });
  });

  it('reports every ID that is not one, by its label', () => {
    const result = toDocument(projects, { client_id: 'Contoso', tags_ids: ['3', 'urgent'] });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => problem.split(' (got')[0])).toEqual([
      'Client must be a ScopeStack ID, a whole number such as 1001',
      'Tags must be a ScopeStack ID, a whole number such as 1001',
    ]);
  });
});
