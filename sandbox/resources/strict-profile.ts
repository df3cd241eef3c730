/**
 * The strict profile (the default): what the public evidence about ScopeStack
 * (public client code, graded in the integration's ledger) does not confirm is refused with the 400 a jsonapi-resources
 * server gives, so that a guess the integration makes can only pass a test through its fallback.
 * What strict mode still accepts without proof is listed, with its reason, in sandbox/README.md.
 */

/** Filters no public client sends, by resource type: `filter[x]` is answered 400 "Filter not allowed". */
export const UNPROVEN_FILTERS: Readonly<Record<string, readonly string[]>> = {
  'project-documents': ['status'],
  'presales-engineers': ['active', 'name'],
  users: ['name'],
  'crm-opportunities': ['name'],
  services: ['name', 'sku'],
};

/**
 * Filters public clients only ever send one value at a time (for both values they make two calls):
 * a comma-joined value is answered 400, as a single-valued custom filter would be.
 */
export const SINGLE_VALUE_FILTERS: Readonly<Record<string, readonly string[]>> = {
  projects: ['active'],
  'crm-opportunities': ['is-closed'],
};

/**
 * Attributes public clients always send on a create (their forms require them): the strict
 * profile answers 422 "can't be blank" without them, as the real service may.
 */
export const REQUIRED_ON_CREATE: Readonly<Record<string, readonly string[]>> = {
  'project-locations': ['street', 'city', 'state', 'postal-code'],
};

/** Attributes a type is not shown to have (public clients show no timestamps): sorting by them is answered 400. */
export const UNPROVEN_SORTS: Readonly<Record<string, readonly string[]>> = {
  'crm-opportunities': ['created-at', 'updated-at'],
  'project-approvals': ['created-at', 'updated-at'],
};

export type Profile = 'strict' | 'permissive';
