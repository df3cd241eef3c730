import { isJsonObject, parseJson, scalarText, type Json, type JsonObject } from '../json.js';
import type { SandboxRequest } from '../http/types.js';
import type { StoredRecord } from '../store.js';
import type { AttributeDef, Draft, RelationshipDef, ResourceDef, ValidationIssue } from '../resources/resource-def.js';
import { mergeVariables } from '../resources/variables.js';
import { REQUIRED_ON_CREATE } from '../resources/strict-profile.js';
import { ApiFailure, errorResponse, fail, type ErrorEntry } from '../json-api/errors.js';
import type { ApiContext } from './context.js';

/** The `data` member of a write request after the structural (400/409) checks. */
export interface WriteBody {
  attributes: JsonObject;
  relationships: JsonObject;
}

function paramNotAllowed(names: string[], section: 'attributes' | 'relationships'): never {
  const entries: ErrorEntry[] = names.map((name) => ({
    status: 400,
    title: 'Param not allowed',
    detail: `${name} is not allowed.`,
    code: '105',
    pointer: `/data/${section}/${name}`,
  }));
  throw new ApiFailure(errorResponse(400, entries));
}

/**
 * Structural checks, in the order JSON:API servers apply them: a JSON body with `data`
 * (400), `data.type` present (400) and equal to the endpoint's type (409), no `id` on POST
 * (400), `data.id` present (400) and equal to the URL id (409) on PATCH, and only known,
 * writable attribute and relationship names (400 naming each one).
 */
export function parseWriteBody(request: SandboxRequest, def: ResourceDef, urlId?: string): WriteBody {
  const document = parseJson(request.body.toString('utf8'));
  if (document === undefined) fail(400, 'Bad Request', 'The request body is not valid JSON.', '400');
  if (!isJsonObject(document) || !isJsonObject(document['data'])) {
    fail(400, 'Missing Parameter', 'The required parameter, data, is missing.', '106', '/data');
  }
  const data = document['data'];
  const type = data['type'];
  if (typeof type !== 'string' || type === '')
    fail(400, 'Missing Parameter', 'The required parameter, type, is missing.', '106', '/data/type');
  if (type !== def.type) fail(409, 'Conflict', `data.type ${type} does not match the endpoint's type ${def.type}.`, '409', '/data/type');
  const id = data['id'];
  if (urlId === undefined && id !== undefined) fail(400, 'Param not allowed', 'id is not allowed.', '105', '/data/id');
  if (urlId !== undefined) {
    if (id === undefined || id === null) fail(400, 'Missing Parameter', 'The required parameter, id, is missing.', '106', '/data/id');
    const idText = scalarText(id) ?? JSON.stringify(id);
    if (idText !== urlId) fail(409, 'Conflict', `data.id ${idText} does not match the URL id ${urlId}.`, '409', '/data/id');
  }
  const attributes = data['attributes'] ?? {};
  const relationships = data['relationships'] ?? {};
  if (!isJsonObject(attributes)) fail(400, 'Bad Request', 'data.attributes must be an object.', '400', '/data/attributes');
  if (!isJsonObject(relationships)) fail(400, 'Bad Request', 'data.relationships must be an object.', '400', '/data/relationships');
  const unknownAttributes = Object.keys(attributes).filter(
    (name) => !def.attributes.some((attribute) => attribute.name === name && attribute.writable),
  );
  if (unknownAttributes.length > 0) paramNotAllowed(unknownAttributes, 'attributes');
  const unknownRelationships = Object.keys(relationships).filter(
    (name) => !def.relationships.some((relationship) => relationship.name === name && relationship.writable),
  );
  if (unknownRelationships.length > 0) paramNotAllowed(unknownRelationships, 'relationships');
  return { attributes, relationships };
}

const blank = (value: Json | undefined) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Casts one attribute value the way a Rails model would, or names what is wrong with it. */
function coerce(attribute: AttributeDef, value: Json): { value: Json } | { problem: string } {
  if (value === null) return { value: null };
  switch (attribute.kind) {
    case 'string':
      if (typeof value !== 'string' && typeof value !== 'number') return { problem: 'must be a string' };
      if (attribute.choices !== undefined && !attribute.choices.includes(String(value))) return { problem: 'is not included in the list' };
      return { value: String(value) };
    case 'boolean':
      if (typeof value === 'boolean') return { value };
      if (value === 'true' || value === 'false') return { value: value === 'true' };
      return { problem: 'is not a boolean' };
    case 'integer': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof number === 'number' && Number.isInteger(number) ? { value: number } : { problem: 'must be an integer' };
    }
    case 'decimal': {
      if (value === '') return { value: null };
      const number = typeof value === 'string' ? Number(value) : value;
      return typeof number === 'number' && Number.isFinite(number)
        ? { value: number.toFixed(attribute.scale ?? 1) }
        : { problem: 'is not a number' };
    }
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
        ? { value }
        : { problem: 'is not a valid date (YYYY-MM-DD)' };
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? { value } : { problem: 'is not a valid date-time' };
    case 'list':
      if (typeof value === 'string')
        return {
          value: value
            .split(',')
            .map((item) => item.trim())
            .filter((item) => item !== ''),
        };
      return Array.isArray(value) ? { value } : { problem: 'must be an array' };
    case 'object':
      return isJsonObject(value) ? { value } : { problem: 'must be an object' };
    case 'variables':
      return { value };
  }
}

function issue(section: 'attributes' | 'relationships', field: string, title: string): ValidationIssue {
  return { pointer: `/data/${section}/${field}`, field, title };
}

function linkage(relationship: RelationshipDef, value: Json, context: ApiContext): { ids: (string | null)[] } | { problem: string } {
  if (!isJsonObject(value) || !('data' in value)) return { problem: 'must be an object with data' };
  const data = value['data'] ?? null;
  const items: Json[] = relationship.many === undefined ? [data] : Array.isArray(data) ? data : [];
  if (relationship.many !== undefined && !Array.isArray(data)) return { problem: 'must be an array of resource identifiers' };
  const ids: (string | null)[] = [];
  for (const item of items) {
    if (item === null) {
      ids.push(null);
      continue;
    }
    if (!isJsonObject(item) || (typeof item['id'] !== 'string' && typeof item['id'] !== 'number')) {
      return { problem: 'must be a resource identifier {type, id}' };
    }
    if (item['type'] !== relationship.type) return { problem: `must have type ${relationship.type}` };
    const id = String(item['id']);
    if (relationship.type === 'accounts') {
      if (id !== String(context.accountId)) return { problem: 'must be the account of the URL' };
    } else if (context.store.find(relationship.type, context.accountId, id) === undefined) {
      return { problem: 'must exist' };
    }
    ids.push(id);
  }
  return { ids };
}

function validationFailure(issues: ValidationIssue[]): never {
  throw new ApiFailure(
    errorResponse(
      422,
      issues.map((entry) => ({
        status: 422,
        title: entry.title,
        detail: `${entry.field} - ${entry.title}`,
        code: '100',
        pointer: entry.pointer,
      })),
    ),
  );
}

/**
 * Turns a structurally valid body into the record a create/update would store, collecting every
 * 422 problem: bad types and enum values, the resource's `prepare` step (values filled from
 * elsewhere, such as a catalog service), required attributes and relationships, relationship
 * targets that do not exist in the account, a foreign `account`, and the resource's own rules.
 */
export function buildDraft(body: WriteBody, def: ResourceDef, existing: StoredRecord | undefined, context: ApiContext): Draft {
  const issues: ValidationIssue[] = [];
  const draft: Draft = {
    attributes: existing === undefined ? { ...(def.defaults?.(context) ?? {}) } : { ...existing.attributes },
    links: existing === undefined ? { ...(def.defaultLinks?.(context) ?? {}) } : { ...existing.links },
    manyLinks: {},
  };
  for (const [name, raw] of Object.entries(body.attributes)) {
    const attribute = def.attributes.find((candidate) => candidate.name === name);
    if (attribute === undefined) continue;
    const result =
      attribute.kind === 'variables' && attribute.variableContext !== undefined
        ? mergeVariables(raw, existing?.attributes[name], attribute.variableContext, context)
        : coerce(attribute, raw);
    if ('problem' in result) issues.push(issue('attributes', name, result.problem));
    else draft.attributes[name] = result.value;
  }
  for (const [name, raw] of Object.entries(body.relationships)) {
    const relationship = def.relationships.find((candidate) => candidate.name === name);
    if (relationship === undefined) continue;
    const result = linkage(relationship, raw, context);
    if ('problem' in result) issues.push(issue('relationships', name, result.problem));
    else if (relationship.many !== undefined) draft.manyLinks[name] = result.ids.filter((id): id is string => id !== null);
    else if (relationship.type !== 'accounts') draft.links[name] = result.ids[0] ?? null;
  }
  const sent = { attributes: Object.keys(body.attributes), relationships: Object.keys(body.relationships) };
  for (const entry of def.hooks?.prepare?.(draft, sent, existing, context) ?? []) {
    if (!issues.some((known) => known.field === entry.field)) issues.push(entry);
  }
  const strictlyRequired = context.profile === 'strict' && existing === undefined ? (REQUIRED_ON_CREATE[def.type] ?? []) : [];
  for (const name of [...def.required.attributes, ...strictlyRequired]) {
    const touched = existing === undefined || name in body.attributes;
    if (touched && blank(draft.attributes[name]) && !issues.some((entry) => entry.field === name)) {
      issues.push(issue('attributes', name, "can't be blank"));
    }
  }
  for (const name of def.required.relationships) {
    const touched = existing === undefined || name in body.relationships;
    if (touched && blank(draft.links[name]) && !issues.some((entry) => entry.field === name)) {
      issues.push(issue('relationships', name, 'must exist'));
    }
  }
  if (issues.length === 0) issues.push(...(def.hooks?.validate?.(draft, existing, context) ?? []));
  if (issues.length > 0) validationFailure(issues);
  return draft;
}
