/**
 * The strict profile (the default): what the public evidence about ScopeStack
 * (`shared/scopestack-evidence.md`) does not confirm is refused with the 400 a jsonapi-resources
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

/** Attributes a type is not shown to have (public clients show no timestamps): sorting by them is answered 400. */
export const UNPROVEN_SORTS: Readonly<Record<string, readonly string[]>> = {
  'crm-opportunities': ['created-at', 'updated-at'],
  'project-approvals': ['created-at', 'updated-at'],
};

export type Profile = 'strict' | 'permissive';
