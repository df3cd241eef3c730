/** Turns API member names (kebab-case) into Zapier field keys and labels. */

/** Keys of API names already seen: every record of a page repeats the same few names. */
const KEYS = new Map<string, string>();

/** `project-name` -> `project_name`; keys must match Zapier's `^[a-zA-Z][a-zA-Z0-9_]*$`. */
export const keyFor = (apiName: string): string => {
  let key = KEYS.get(apiName);
  if (key === undefined) {
    key = apiName.replace(/-/g, '_');
    // Bounded: names come from the API, and a hostile one could send endless new ones.
    if (KEYS.size < 10_000) KEYS.set(apiName, key);
  }
  return key;
};

/** `project_name` -> `project-name`: the inverse of `keyFor`. */
export const apiNameFor = (key: string): string => key.replace(/_/g, '-');

/** Words that are written in capitals in labels wherever they appear. */
const ACRONYMS = new Set(['id', 'ids', 'url', 'api', 'pdf', 'sku', 'crm', 'msa', 'sow', 'lob', 'uuid']);

const titleWord = (word: string): string => {
  const lower = word.toLowerCase();
  if (ACRONYMS.has(lower)) return lower === 'ids' ? 'IDs' : lower.toUpperCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
};

/** `msa-date` -> `MSA Date`, `sales_executive_id` -> `Sales Executive ID`. */
export const labelFor = (name: string): string =>
  name
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map(titleWord)
    .join(' ');

/** `crm opportunities` -> `crm opportunity`: enough for REST collection names, which are regular plurals. */
export const singular = (plural: string): string =>
  plural
    .replace(/ies$/, 'y')
    .replace(/(ss|x|ch|sh)es$/, '$1')
    .replace(/(?<![su])s$/, '');

/** A Title Case noun inside a sentence: `CRM Opportunity` -> `CRM opportunity` (acronyms stay). */
export const inSentence = (noun: string): string => noun.replace(/\b[A-Z][a-z]+\b/g, (word) => word.toLowerCase());
