import type { JsonObject } from '../json.js';
import type { SandboxRequest } from '../http/types.js';
import type { StoredRecord } from '../store.js';
import type { ResourceDef } from '../resources/resource-def.js';
import { parseInclude } from '../json-api/query.js';
import { renderDocument } from '../json-api/render.js';
import { nowIso, type ApiContext } from './context.js';
import { buildDraft, parseWriteBody } from './write-body.js';
import { findOrFail } from './reads.js';

/** POST /{type}: stores the record with created-at = updated-at = the sandbox clock. */
export function createRecord(def: ResourceDef, request: SandboxRequest, context: ApiContext): JsonObject {
  const body = parseWriteBody(request, def);
  const draft = buildDraft(body, def, undefined, context);
  const now = nowIso(context);
  const links = { ...draft.links };
  if (def.relationships.some((relationship) => relationship.name === 'account')) links['account'] = String(context.accountId);
  const record = context.store.insert({
    type: def.type,
    accountId: context.accountId,
    attributes: { ...draft.attributes, 'created-at': now, 'updated-at': now },
    links,
    internal: {},
  });
  def.hooks?.afterSave?.(record, undefined, draft, context);
  return renderDocument(record, def, parseInclude(request.url.searchParams, def), context);
}

/** PATCH /{type}/{id}: a partial update; every accepted PATCH bumps updated-at. */
export function updateRecord(def: ResourceDef, id: string, request: SandboxRequest, context: ApiContext): JsonObject {
  const record = findOrFail(def, id, context);
  const body = parseWriteBody(request, def, id);
  const draft = buildDraft(body, def, record, context);
  const previous: StoredRecord = structuredClone(record);
  record.attributes = { ...draft.attributes, 'updated-at': nowIso(context) };
  record.links = draft.links;
  def.hooks?.afterSave?.(record, previous, draft, context);
  return renderDocument(record, def, parseInclude(request.url.searchParams, def), context);
}

/** DELETE /{type}/{id} (only crm-opportunities allow it). */
export function deleteRecord(def: ResourceDef, id: string, context: ApiContext): void {
  const record = findOrFail(def, id, context);
  def.hooks?.beforeDelete?.(record, context);
  context.store.remove(def.type, record.id);
}
