import type { Json, JsonObject } from '../json.js';
import { isJsonObject, scalarText } from '../json.js';
import type { StoredRecord } from '../store.js';
import type { ApiContext } from '../api/context.js';

/**
 * Custom fields ("project variables"). Definitions are `project-variables` records with a
 * `variable-context`; an entity stores only `[{name, value}]` and is served the full list of
 * active definitions for its context, with snake_case keys inside each item and the value.
 */
function definitionsFor(variableContext: string, accountId: number, context: ApiContext): StoredRecord[] {
  return context.store
    .list('project-variables', accountId)
    .filter((definition) => definition.attributes['variable-context'] === variableContext && definition.attributes['active'] === true)
    .sort((a, b) => Number(a.attributes['position'] ?? 0) - Number(b.attributes['position'] ?? 0));
}

function storedValue(stored: Json | undefined, name: string): Json {
  if (!Array.isArray(stored)) return null;
  const entry = stored.find((item) => isJsonObject(item) && item['name'] === name);
  return isJsonObject(entry) ? (entry['value'] ?? null) : null;
}

export function renderVariables(record: StoredRecord, attribute: string, variableContext: string, context: ApiContext): Json {
  return definitionsFor(variableContext, record.accountId, context).map((definition) => {
    const a = definition.attributes;
    return {
      name: a['name'] ?? null,
      label: a['label'] ?? null,
      variable_type: a['variable-type'] ?? null,
      minimum: a['minimum'] ?? null,
      maximum: a['maximum'] ?? null,
      required: a['required'] ?? false,
      select_options: a['select-options'] ?? [],
      position: a['position'] ?? null,
      context: variableContext,
      uuid: definition.internal['uuid'] ?? null,
      value: storedValue(record.attributes[attribute], scalarText(a['name']) ?? ''),
    };
  });
}

/** Checks `[{name, value}]` against the definitions; returns a problem title or the merged list. */
export function mergeVariables(
  sent: Json,
  previous: Json | undefined,
  variableContext: string,
  context: ApiContext,
): { value: Json[] } | { problem: string } {
  if (!Array.isArray(sent)) return { problem: 'must be an array of {name, value} objects' };
  const definitions = definitionsFor(variableContext, context.accountId, context);
  const merged: JsonObject[] = Array.isArray(previous) ? previous.filter(isJsonObject).map((item) => ({ ...item })) : [];
  for (const item of sent) {
    if (!isJsonObject(item) || typeof item['name'] !== 'string') return { problem: 'must be an array of {name, value} objects' };
    const name = item['name'];
    const definition = definitions.find((candidate) => candidate.attributes['name'] === name);
    if (definition === undefined) return { problem: `has no variable named ${name}` };
    const value = item['value'] ?? null;
    const problem = valueProblem(definition, value);
    if (problem !== undefined) return { problem: `${name} ${problem}` };
    const existing = merged.find((entry) => entry['name'] === name);
    if (existing === undefined) merged.push({ name, value });
    else existing['value'] = value;
  }
  return { value: merged };
}

function valueProblem(definition: StoredRecord, value: Json): string | undefined {
  if (value === null || value === '') return undefined;
  const type = definition.attributes['variable-type'];
  if (type === 'number' && (typeof value === 'boolean' || Number.isNaN(Number(value)))) return 'is not a number';
  if (type === 'date' && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) return 'is not a date';
  if (type === 'select') {
    const options = definition.attributes['select-options'];
    const allowed = Array.isArray(options) ? options.filter(isJsonObject).map((option) => option['value']) : [];
    const text = scalarText(value);
    if (text === undefined || !allowed.includes(text)) return 'is not included in the list';
  }
  return undefined;
}
