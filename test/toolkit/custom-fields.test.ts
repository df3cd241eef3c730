import { customFieldsOf, projectVariables } from '../../src/scopestack/catalog/project-variables.js';
import { coerceValue } from 'connector-toolkit/coerce.js';
import { customValues, setsCustomFields, withCustomFields } from 'connector-toolkit/custom-fields.js';
import { customInputField } from 'connector-toolkit/fields.js';
import type { CustomFieldDefinition } from 'connector-toolkit/resource-spec.js';

const region: CustomFieldDefinition = {
  name: 'region',
  label: 'Region',
  kind: 'string',
  required: true,
  choices: { EMEA: 'EMEA', APAC: 'APAC' },
};
const seats: CustomFieldDefinition = { name: 'seats', label: 'Seats', kind: 'decimal', required: false };
const golive: CustomFieldDefinition = { name: 'go_live', label: 'Go-Live', kind: 'date', required: false };

describe('custom field definitions', () => {
  const { toField } = customFieldsOf('project');

  it('reads a select definition into a required dropdown of its option values', () => {
    const field = toField({
      id: '1',
      name: 'region',
      label: 'Region',
      variable_type: 'select',
      required: true,
      select_options: [
        { key: 'emea', value: 'EMEA' },
        { key: 'apac', value: 'APAC' },
      ],
    });
    expect(field).toMatchObject({
      name: 'region',
      label: 'Region',
      kind: 'string',
      required: true,
      choices: { EMEA: 'EMEA', APAC: 'APAC' },
    });
    expect(field && customInputField(field)).toMatchObject({ key: 'custom_region', label: 'Region', type: 'string', required: true });
  });

  it('types number and date definitions, and skips a type it does not know', () => {
    expect(toField({ id: '2', name: 'seats', label: 'Seats', variable_type: 'number', minimum: 1, maximum: 500 })).toMatchObject({
      kind: 'decimal',
      help: 'Seats: a number between 1 and 500, as your ScopeStack account defines it.',
    });
    expect(toField({ id: '3', name: 'go_live', label: 'Go-Live', variable_type: 'date' })?.kind).toBe('date');
    expect(toField({ id: '4', name: 'blob', label: 'Blob', variable_type: 'file' })).toBeUndefined();
  });

  it('asks only for active definitions of its own context', () => {
    expect(customFieldsOf('service_location').params).toEqual({ 'filter[variable-context]': 'service_location', 'filter[active]': 'true' });
    expect(customFieldsOf('project').definitions).toBe(projectVariables);
  });
});

describe('customValues', () => {
  it('sends each given value as its definition wants it, by name', () => {
    expect(
      customValues([region, seats, golive], { custom_region: 'EMEA', custom_seats: '1,200', custom_go_live: '2025-06-30T00:00:00Z' }),
    ).toEqual({
      ok: true,
      values: [
        { name: 'region', value: 'EMEA' },
        { name: 'seats', value: '1200' },
        { name: 'go_live', value: '2025-06-30' },
      ],
    });
  });

  it('refuses values that do not fit, naming the field by its label and the accepted form', () => {
    const result = customValues([region, seats, golive], { custom_region: 'Mars', custom_seats: 'many', custom_go_live: 'someday' });
    expect(result).toEqual({
      ok: false,
      problems: [
        'Region must be one of EMEA, APAC (got "Mars").',
        'Seats must be a number, for example 1500.00 (got "many").',
        'Go-Live must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025 (got "someday").',
      ],
    });
  });

  it('says when a filled-in custom field is no longer active', () => {
    expect(customValues([region], { custom_legacy_code: 'X1' })).toEqual({
      ok: false,
      problems: ["The custom field legacy_code is no longer active in the account: refresh the step's fields."],
    });
  });

  it('reads definitions only when a custom field is filled in', () => {
    expect(setsCustomFields({ name: 'x', custom_region: '  ' })).toBe(false);
    expect(setsCustomFields({ custom_region: 'EMEA' })).toBe(true);
  });
});

describe('withCustomFields', () => {
  it('gives each custom value a flat key of its own, keeping the list', () => {
    const record = {
      id: '1',
      project_variables: [
        { name: 'region', label: 'Region', value: 'EMEA' },
        { name: 'po-number', value: null },
      ],
    };
    expect(withCustomFields(record, 'project_variables')).toEqual({ ...record, custom_region: 'EMEA', custom_po_number: null });
  });

  it('skips items that are not name-value objects, or have no name', () => {
    const record = {
      id: '1',
      project_variables: [null, 'EMEA', { value: 'orphan' }, { name: '', value: 'blank' }, { name: 'region', value: 'EMEA' }],
    };
    expect(withCustomFields(record, 'project_variables')).toEqual({ ...record, custom_region: 'EMEA' });
  });

  it('leaves a record without custom fields as it is', () => {
    expect(withCustomFields({ id: '1' }, 'project_variables')).toEqual({ id: '1' });
  });
});

describe('list values', () => {
  it.each([
    [
      ['cloud', ' azure '],
      ['cloud', 'azure'],
    ],
    ['cloud, azure,', ['cloud', 'azure']],
  ])('reads %j as %j', (input, output) => {
    expect(coerceValue('list', input)).toEqual({ ok: true, value: output });
  });

  it('refuses a list of objects', () => {
    expect(coerceValue('list', [{ tag: 'cloud' }]).ok).toBe(false);
  });
});

describe('email values', () => {
  it.each(['pat@client.example', '  Pat.Example+zap@client.co.uk '])('accepts %j, trimmed', (input) => {
    expect(coerceValue('email', input)).toEqual({ ok: true, value: input.trim() });
  });

  it.each(['pat', 'pat@client', '@client.example', 'pat @client.example', 'pat@@client.example'])(
    'refuses %j with the accepted form',
    (input) => {
      expect(coerceValue('email', input)).toEqual({ ok: false, problem: 'must be an email address like pat@client.example' });
    },
  );
});
