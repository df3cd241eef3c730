/**
 * What one API's wire format owns: its media type, how an answer becomes flat records and where
 * the next page is, how checked input becomes a write body, and how an error body becomes
 * structured errors. The step generators and the API client see records and these shapes only.
 */
import type { FlatRecord } from './flat-record.js';
import type { ResourceSpec } from './resource-spec.js';

export type Params = Record<string, string>;

/**
 * How a list is paged: by page number (the cursor is the page number as text, from 1), by an
 * opaque token the API returns with each page, or not at all (one answer holds the whole list).
 */
export type Paging = 'page-number' | 'page-token' | 'none';

/** One page of a list: its records, and the cursor of the page after it (none on the last). */
export interface ListPage {
  readonly records: FlatRecord[];
  readonly next?: string;
}

/** A relationship as a write sets it: the related type and its IDs (one for a to-one). */
export interface RelatedIds {
  readonly type: string;
  readonly ids: readonly string[];
  readonly many: boolean;
}

/** A checked write, keyed by the API's own names; the wire format turns it into a body. */
export interface WriteValues {
  readonly type: string;
  /** Set for updates. */
  readonly id?: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly relationships: Readonly<Record<string, RelatedIds>>;
}

/** One error the service reported, structured: what a message is built from. */
export interface ServiceError {
  /** The service's own code for it (`already_exists`, `100`). */
  readonly code?: string;
  /** Its short and its long wording. */
  readonly title?: string;
  readonly detail?: string;
  /** The API name of the written field it is about, when it names one. */
  readonly field?: string;
  /** The query parameter it is about, when it names one. */
  readonly parameter?: string;
  /** The service will not take this field at all (not a bad value): leave it empty. */
  readonly notAllowed?: boolean;
}

export interface WireFormat {
  /** Sent as `Accept` (and as `Content-Type` of writes). */
  readonly mediaType: string;
  readonly paging: Paging;
  /** The query parameter that asks for a sort order; none when the API cannot sort. */
  readonly sortParam?: string;
  /** Query parameters of the page at `cursor` (the first page when none) of `size` records. */
  readonly pageParams: (cursor: string | undefined, size: number) => Params;
  /** Query parameters every read of this resource sends (related records to include). */
  readonly readParams: (spec: ResourceSpec, withRelated: boolean) => Params;
  /** A list answer's records and next cursor; undefined when the body is not such an answer. */
  readonly readList: (body: unknown, spec: ResourceSpec, cursor: string | undefined) => ListPage | undefined;
  /** A one-record answer; undefined when the body is not one. */
  readonly readOne: (body: unknown, spec: ResourceSpec) => FlatRecord | undefined;
  /** The body of a create (no `id`) or an update. */
  readonly writeBody: (values: WriteValues) => unknown;
  /** The errors an error body reports; none when it reports none the format can read. */
  readonly errorsOf: (body: unknown) => ServiceError[];
  /** Any answer flattened for the API Request step: its records and related records, when it holds any. */
  readonly flattenAnswer?: (body: unknown) => { data: FlatRecord[]; included: FlatRecord[] } | undefined;
}
