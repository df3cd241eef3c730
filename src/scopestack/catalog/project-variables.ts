/**
 * Custom-field definitions ("project variables"): each names a field, its label, its type and,
 * for a select, its options. Their values travel on projects, contacts and locations as
 * `project-variables: [{ name, value }]`.
 */
import type { FlatRecord } from 'connector-toolkit/flat-record.js';
import type { CustomFieldDefinition, CustomFieldsSpec, ResourceSpec } from 'connector-toolkit/resource-spec.js';
import { scalarText } from 'connector-toolkit/text.js';
import { scopestackRequester } from '../requester.js';

export const projectVariables = {
  type: 'project-variables',
  path: 'project-variables',
  noun: 'Custom Field',
  display: 'label',
  attributes: [
    { name: 'name', kind: 'string' },
    { name: 'label', kind: 'string' },
    { name: 'variable-type', kind: 'string', label: 'Field Type' },
    { name: 'variable-context', kind: 'string', label: 'Used On' },
    { name: 'required', kind: 'boolean' },
    { name: 'minimum', kind: 'integer' },
    { name: 'maximum', kind: 'integer' },
    { name: 'position', kind: 'integer' },
    { name: 'select-options', kind: 'json', items: ['key', 'value'] },
    { name: 'active', kind: 'boolean' },
  ],
  relationships: [{ name: 'account', type: 'accounts' }],
  requester: scopestackRequester,
  sample: {
    id: '3901',
    name: 'region',
    label: 'Region',
    variable_type: 'select',
    variable_context: 'project',
    required: false,
    minimum: null,
    maximum: null,
    position: 1,
    select_options: [{ key: 'emea', value: 'EMEA' }],
    active: true,
    account_id: '42',
  },
} as const satisfies ResourceSpec;

const KINDS: Readonly<Record<string, CustomFieldDefinition['kind']>> = {
  text: 'string',
  number: 'decimal',
  date: 'date',
  select: 'string',
};

const optionsOf = (record: FlatRecord): Record<string, string> | undefined => {
  const options = record['select_options'];
  if (!Array.isArray(options)) return undefined;
  // A select sends the option's value (not its key), as ScopeStack stores it.
  const values = (options as unknown[]).map((option) => scalarText((option as { value?: unknown } | null)?.value)).filter(Boolean);
  return Object.fromEntries(values.map((value) => [value, value]));
};

const helpOf = (record: FlatRecord, kind: CustomFieldDefinition['kind']): string => {
  const label = scalarText(record['label']);
  if (kind === 'decimal') {
    const bounds = [record['minimum'], record['maximum']].map(scalarText);
    const range = bounds[0] || bounds[1] ? ` between ${bounds[0] || 'any'} and ${bounds[1] || 'any'}` : '';
    return `${label}: a number${range}, as your ScopeStack account defines it.`;
  }
  if (kind === 'date') return `${label}: a date, as your ScopeStack account defines it.`;
  return `${label}: a custom field your ScopeStack account defines.`;
};

const toField = (record: FlatRecord): CustomFieldDefinition | undefined => {
  const kind = KINDS[scalarText(record['variable_type'])];
  const name = scalarText(record['name']);
  if (!kind || !name) return undefined;
  const choices = record['variable_type'] === 'select' ? optionsOf(record) : undefined;
  const bound = (key: string): Record<string, number> => {
    const value = record[key];
    return kind === 'decimal' && value !== null && value !== '' && Number.isFinite(Number(value)) ? { [key]: Number(value) } : {};
  };
  return {
    name,
    label: scalarText(record['label']) || name,
    kind,
    required: record['required'] === true,
    help: helpOf(record, kind),
    ...(choices ? { choices } : {}),
    ...bound('minimum'),
    ...bound('maximum'),
  };
};

/** The custom fields of one ScopeStack context (`project`, `project_contact`, `service_location`). */
export const customFieldsOf = (context: string): CustomFieldsSpec => ({
  attribute: 'project-variables',
  definitions: projectVariables,
  params: { 'filter[variable-context]': context, 'filter[active]': 'true' },
  toField,
});
