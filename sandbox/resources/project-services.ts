import type { Json, JsonObject } from '../json.js';
import type { StoredRecord } from '../store.js';
import { nowIso, type ApiContext } from '../api/context.js';
import type { Draft, ResourceHooks, SentNames, ValidationIssue } from './resource-def.js';
import { inverseRecords } from './related.js';

/**
 * Adding services to a project. A line with `task-source: "service"` comes from the catalog: it
 * names an active catalog record (`service` for project-services, `subservice` for
 * project-subservices), and every attribute the client did not send is copied from that record.
 * A project-service built from a catalog service gets one project-subservice per active
 * subservice of that service. Any other task source is a custom line, which needs a name.
 */

interface CatalogSource {
  /** The relationship naming the catalog record, and the catalog type. */
  relationship: 'service' | 'subservice';
  type: 'services' | 'subservices';
  /** Attribute values a new line takes from the catalog record. */
  copy(catalog: StoredRecord): JsonObject;
}

const blank = (value: Json | undefined) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const issue = (section: 'attributes' | 'relationships', field: string, title: string): ValidationIssue => ({
  pointer: `/data/${section}/${field}`,
  field,
  title,
});

/** The catalog's own hours for one unit: suggested-hours, else base-hours. */
const catalogHours = (catalog: StoredRecord): Json => catalog.attributes['suggested-hours'] ?? catalog.attributes['base-hours'] ?? '0.0';

const SERVICE_SOURCE: CatalogSource = {
  relationship: 'service',
  type: 'services',
  copy: (service) => ({
    name: service.attributes['name'] ?? null,
    'service-description': service.attributes['service-description'] ?? null,
    'service-type': service.attributes['service-type'] ?? 'professional_services',
    languages: service.attributes['languages'] ?? {},
    sku: service.attributes['sku'] ?? null,
    'override-hours': catalogHours(service),
  }),
};

const SUBSERVICE_SOURCE: CatalogSource = {
  relationship: 'subservice',
  type: 'subservices',
  copy: (subservice) => ({
    name: subservice.attributes['name'] ?? null,
    'service-description': subservice.attributes['service-description'] ?? null,
    languages: subservice.attributes['languages'] ?? {},
    position: subservice.attributes['position'] ?? 0,
    'override-hours': catalogHours(subservice),
  }),
};

/** Fills a new line from its catalog record, or requires a name for a custom line. */
function fillFromCatalog(source: CatalogSource, draft: Draft, sent: SentNames, context: ApiContext): ValidationIssue[] {
  if (draft.attributes['task-source'] === 'service') {
    const id = draft.links[source.relationship];
    // Not sent, sent as null, or (already reported) not found in the account.
    if (id === null || id === undefined) return [issue('relationships', source.relationship, 'must exist')];
    const catalog = context.store.find(source.type, context.accountId, id);
    if (catalog === undefined) return [issue('relationships', source.relationship, 'must exist')];
    if (catalog.attributes['active'] !== true) {
      return [issue('relationships', source.relationship, `must be an active ${source.relationship} of the account`)];
    }
    for (const [name, value] of Object.entries(source.copy(catalog))) {
      if (!sent.attributes.includes(name)) draft.attributes[name] = value;
    }
  }
  return blank(draft.attributes['name']) ? [issue('attributes', 'name', "can't be blank")] : [];
}

/** Creates one project-subservice per active subservice of the catalog service, in position order. */
function addCatalogSubservices(service: StoredRecord, context: ApiContext): void {
  const catalogId = service.links['service'];
  if (service.attributes['task-source'] !== 'service' || catalogId === null || catalogId === undefined) return;
  const catalog = context.store.find('services', service.accountId, catalogId);
  if (catalog === undefined) return;
  const subservices = inverseRecords(catalog, 'subservices', 'service', context)
    .filter((subservice) => subservice.attributes['active'] === true)
    .sort((a, b) => Number(a.attributes['position'] ?? 0) - Number(b.attributes['position'] ?? 0) || Number(a.id) - Number(b.id));
  const now = nowIso(context);
  for (const subservice of subservices) {
    context.store.insert({
      type: 'project-subservices',
      accountId: service.accountId,
      attributes: {
        ...SUBSERVICE_SOURCE.copy(subservice),
        quantity: service.attributes['quantity'] ?? 1,
        'actual-hours': '0.0',
        'service-type': service.attributes['service-type'] ?? 'professional_services',
        'payment-frequency': service.attributes['payment-frequency'] ?? 'one_time',
        'task-source': 'service',
        sku: null,
        active: true,
        'created-at': now,
        'updated-at': now,
      },
      links: { 'project-service': service.id, project: service.links['project'] ?? null, subservice: subservice.id },
      internal: {},
    });
  }
}

export const projectServiceHooks: ResourceHooks = {
  prepare: (draft, sent, existing, context) => (existing === undefined ? fillFromCatalog(SERVICE_SOURCE, draft, sent, context) : []),
  afterSave(service, previous, _draft, context) {
    if (previous === undefined) addCatalogSubservices(service, context);
  },
};

/** A project-subservice belongs to the project of its project-service; a `project` sent must be that one. */
function projectOfService(draft: Draft, sent: SentNames, context: ApiContext): ValidationIssue[] {
  const serviceId = draft.links['project-service'];
  if (serviceId === null || serviceId === undefined) return [];
  const project = context.store.find('project-services', context.accountId, serviceId)?.links['project'] ?? null;
  if (sent.relationships.includes('project') && draft.links['project'] !== project) {
    return [issue('relationships', 'project', 'must be the project of the project-service')];
  }
  draft.links['project'] = project;
  return [];
}

export const projectSubserviceHooks: ResourceHooks = {
  prepare: (draft, sent, existing, context) =>
    existing === undefined ? [...fillFromCatalog(SUBSERVICE_SOURCE, draft, sent, context), ...projectOfService(draft, sent, context)] : [],
};
