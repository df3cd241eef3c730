/**
 * Text of values that come from Zapier or from the API as `unknown`. Only scalars have a text
 * of their own: an object or a list is never turned into "[object Object]".
 */

/** The text of a string, number or boolean; '' for anything else. */
export const scalarText = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
};

export const isScalar = (value: unknown): value is string | number | boolean | bigint =>
  ['string', 'number', 'boolean', 'bigint'].includes(typeof value);

/** How a value is quoted in a message: `"Northwind"`, or what kind of thing it is. */
export const quoteValue = (value: unknown): string => {
  if (isScalar(value)) return `"${scalarText(value)}"`;
  if (Array.isArray(value)) return 'a list';
  return value === null || value === undefined ? 'nothing' : 'an object';
};

/** Half of a character pair with no other half (a paste cut mid-emoji): such text cannot be encoded for sending. */
export const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const hasLoneSurrogate = (text: string): boolean => text.replace(LONE_SURROGATES, '') !== text;
