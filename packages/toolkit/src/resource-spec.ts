/**
 * A resource described as data: everything a step generator needs to read and write one
 * resource type of an API. A catalog entry is one of these; steps pick an entry and say
 * only what differs.
 */
import type { Bundle } from 'zapier-platform-core';
import type { FlatRecord } from './flat-record.js';
import type { RootPaths } from './api-target.js';
import type { WireFormat } from './wire-format.js';

/** How an attribute's value is typed in the API and shown in Zapier. */
export type AttributeKind =
  /** One-line text. */
  | 'string'
  /** Multi-line text. */
  | 'text'
  | 'integer'
  /** Money and hours: the API sends and takes decimal strings such as "150.00". */
  | 'decimal'
  | 'boolean'
  /** ISO-8601 timestamp. */
  | 'datetime'
  /** Calendar date, YYYY-MM-DD. */
  | 'date'
  /** A list of short texts (`tag-list`): a list field in Zapier, a JSON array in the API. */
  | 'list'
  /** An email address, checked for its form before anything is sent. */
  | 'email'
  /** An array or object that is passed through as it is (nested keys kept). */
  | 'json';

export interface AttributeSpec {
  /** API name, kebab-case (`msa-date`). The field key and default label derive from it. */
  readonly name: string;
  readonly kind: AttributeKind;
  /** Whether Zapier users may set it on create/update. Default false (read-only). */
  readonly writable?: boolean;
  /** Label when the derived one is not the user's word. */
  readonly label?: string;
  /** Help text shown under the input field: format and an example. */
  readonly help?: string;
  /** Allowed values and their readable labels, shown as a static dropdown. */
  readonly choices?: Readonly<Record<string, string>>;
  /** The value a new step starts with (Zapier's field default), in the form a user would type it. */
  readonly default?: string;
  /**
   * Left empty on a create, the value is composed of these attributes' values, in order, joined by
   * `separator` (as the service's own clients compose a display name: `Account / Name / CRM ID`).
   */
  readonly composedOf?: { readonly parts: readonly string[]; readonly separator: string };
  /** Said after the service's own message when it rejects this attribute (what it accepts). */
  readonly rejectedHint?: string;
  /**
   * For a `json` list of objects: the keys of each object. Zapier then shows the field as line
   * items instead of a JSON box, and lists each key among the outputs (`key[]item`).
   */
  readonly items?: readonly string[];
  /**
   * For a `json` list of objects: on an update, the rows given are merged into the record's rows by
   * this item (a row with the same value replaces the old one, the others stay), as the service's
   * own clients do, instead of replacing the whole list.
   */
  readonly mergedBy?: string;
  /** For a `json` object: its keys, listed among the outputs (`key__child`). */
  readonly keys?: readonly string[];
  /** For an attribute that holds another record's ID: the hidden trigger feeding its dropdown. */
  readonly dropdown?: string;
  /** An ID from another system (a CRM's deal ID): typed or mapped, never picked from this service's records. */
  readonly externalId?: boolean;
}

export interface RelationshipSpec {
  /** API name, kebab-case (`sales-executive`): keys become `sales_executive_id` / `_name`. */
  readonly name: string;
  /** Type of the related resource (`sales-executives`). */
  readonly type: string;
  /** To-many relationships are read as `<key>_ids` (and `<key>` when included). */
  readonly many?: boolean;
  readonly writable?: boolean;
  /** Attribute of the related resource that names it, used for `<key>_name`. Default `name`. */
  readonly display?: string;
  /** Key of the hidden trigger that feeds this field's dropdown. */
  readonly dropdown?: string;
  /** Key of the search step that can find the related record (Zapier's "search" link). */
  readonly search?: string;
  readonly label?: string;
  readonly help?: string;
  /** For a to-many relationship whose records are included: the keys listed among the outputs. */
  readonly items?: readonly string[];
  /**
   * Left empty on a create, the related record whose `attribute` is true is looked up and sent
   * (one request: the first of the list in the related resource's dropdown order).
   */
  readonly accountDefault?: { readonly spec: ResourceSpec; readonly attribute: string };
}

export interface FilterSpec {
  /** Input field key (`name`, `domain`). */
  readonly key: string;
  /** Query parameter sent to the API (`filter[name]`). */
  readonly param: string;
  /**
   * How the API's filter matches: `contains` filters are partial on the server. Either way the
   * toolkit then keeps only exact (case-insensitive) matches on `attribute`, so the spec states
   * the server's behaviour for readers, and searches never return near misses. An
   * `exact-case-sensitive` filter finds nothing for a value typed in another case, so when it
   * finds nothing the records are listed without it and compared ignoring case.
   */
  readonly match: 'exact' | 'contains' | 'exact-case-sensitive';
  /** The value is another system's ID (a CRM's deal ID), typed or mapped, and compared with its case. */
  readonly externalId?: boolean;
  /** Attribute compared for the exact match. Defaults to `key`'s API name. */
  readonly attribute?: string;
  readonly label?: string;
  readonly help?: string;
}

interface IdFormat {
  readonly pattern: RegExp;
  /** The accepted form in a user's words, with an example: "a whole number such as 1001". */
  readonly description: string;
}

/**
 * Where a resource lives and how writes are linked to the caller's account. Shared by every
 * resource of one service, so a catalog spreads one requester into all its entries.
 */
export interface Requester {
  /** Service name as users know it, for messages. */
  readonly service: string;
  /** How the service's API writes records, pages and errors. */
  readonly format: WireFormat;
  /**
   * Base URL of the resource collections for this connection, without trailing slash; undefined
   * when the connection lacks what it needs (the user is then asked to reconnect).
   */
  readonly collectionsUrl: (bundle: Bundle) => string | undefined;
  /** The API's base URL for this connection, for absolute API paths. */
  readonly apiBaseUrl: (bundle: Bundle) => string;
  /** Paths that name the API from its root rather than under the account (`/v2/status`), for the API Request step. */
  readonly rootPaths?: RootPaths;
  /** What a record ID looks like, checked before any request so a name mapped into an ID field is caught. */
  readonly recordId: IdFormat;
  /** A to-one relationship added to every create body, e.g. the owning account. */
  readonly ownerRelationship?: (bundle: Bundle) => { name: string; type: string; id: string } | undefined;
  /**
   * Whether the service is not known to accept this filter or sort on this resource type (a
   * guess): when it refuses a list with 400, the list is read again without the guesses and they
   * are applied to the page by the toolkit.
   */
  readonly isGuessedParam?: (type: string, param: string, value: string) => boolean;
}

/** A file a record points at by URL, handed to later Zap steps through Zapier's file hydration. */
interface FileSpec {
  /** Attribute holding the URL (`document-url`). */
  readonly urlAttribute: string;
  /** Output key of the file (`document_file`). */
  readonly key: string;
  readonly label: string;
}

/** One custom-field definition, read from the service into what an input field needs. */
export interface CustomFieldDefinition {
  /** The name the value is sent under (`region`); the field key is `custom_<name>`. */
  readonly name: string;
  readonly label: string;
  readonly kind: 'string' | 'decimal' | 'date';
  readonly required: boolean;
  /** Allowed values (sent as they are) and their labels. */
  readonly choices?: Readonly<Record<string, string>>;
  /** Bounds a number must keep, as the account defines them. */
  readonly minimum?: number;
  readonly maximum?: number;
  readonly help?: string;
}

/**
 * Custom fields an account defines for a resource: their values travel in one attribute as
 * `[{ name, value }]`, their definitions are records of another resource.
 */
export interface CustomFieldsSpec {
  /** The attribute holding the values (`project-variables`). */
  readonly attribute: string;
  /** Where the definitions are listed (one request, only when needed). */
  readonly definitions: ResourceSpec;
  /** Query parameters that select this resource's active definitions. */
  readonly params: Readonly<Record<string, string>>;
  /** Reads a definition record; undefined skips it (an unknown type). */
  readonly toField: (definition: FlatRecord) => CustomFieldDefinition | undefined;
}

export interface ResourceSpec {
  /** The API's type name, plural (`project-contacts`, `organizations`). */
  readonly type: string;
  /**
   * Path below the requester's collections URL (`project-contacts`); a parent is named by the input
   * key that holds its ID (`organizations/{organization_id}/users`).
   */
  readonly path: string;
  /** Title Case singular for step names ("Project Contact"). */
  readonly noun: string;
  /** Attribute that names a record (`name`, `project-name`): dropdown labels and search ranking. */
  readonly display: string;
  readonly attributes: readonly AttributeSpec[];
  readonly relationships: readonly RelationshipSpec[];
  /** Relationship names to sideload with `include=` so that `<name>_name` can be filled. */
  readonly include?: readonly string[];
  readonly filters?: readonly FilterSpec[];
  /** Query parameters every search sends, e.g. to see archived records too. */
  readonly searchParams?: Readonly<Record<string, string>>;
  /**
   * A filter the API is only known to take one value at a time, that searches must cover for
   * every value (open and closed records): each value is read in turn, and the search stops at
   * the first that has a match, so a record found among the first costs one request.
   */
  readonly searchEach?: { readonly param: string; readonly values: readonly string[] };
  /** Sort that lists newest records first, for polling triggers. */
  readonly newestFirst?: string;
  /** Sort of dropdowns; default the display attribute. */
  readonly dropdownSort?: string;
  /** Query parameters every dropdown sends, e.g. to list only active records. */
  readonly dropdownParams?: Readonly<Record<string, string>>;
  /** Attribute shown after the display name in dropdowns, so twins can be told apart (a project's client). */
  readonly dropdownDetail?: string;
  readonly customFields?: CustomFieldsSpec;
  readonly files?: readonly FileSpec[];
  /**
   * False for records that belong to another record rather than to the account (a project's
   * contacts): their creates do not carry the requester's owner relationship. Default true.
   */
  readonly ownedByAccount?: boolean;
  /** Page size for polling and searching. Default in `paging.ts`. */
  readonly pageSize?: number;
  readonly requester: Requester;
  /** One flat record in the contract's shape with obviously fake values. */
  readonly sample: Readonly<Record<string, unknown>>;
}
