/** Records and input as Zapier sees them, whatever the API's wire format. */

/** A record as Zapier sees it: `id` plus snake_case keys. */
export type FlatRecord = { id: string } & Record<string, unknown>;

/** Input values for a write, keyed like records. */
export type FlatInput = Readonly<Record<string, unknown>>;
