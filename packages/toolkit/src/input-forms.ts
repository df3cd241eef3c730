/**
 * The accepted form of each typed input, said the same way in a field's help text and in the
 * message that refuses a value.
 */
import type { AttributeKind } from './resource-spec.js';

/** Examples of an accepted value, for messages: "must be a number, for example 1500.00". */
export const FORMS = {
  boolean: 'true or false',
  integer: '3',
  decimal: '1500.00',
  date: '2025-01-31, Jan 31, 2025 or 31 Jan 2025',
  datetime: '2025-01-31 09:00 or 2025-01-31T09:00:00Z',
} as const;

/**
 * The sentence added to a typed field's help. Zapier's editor does not say what a text field
 * accepts, and these fields are text so that the value arrives as typed (see `fields.ts`).
 */
const FORM_HINTS: Partial<Record<AttributeKind, string>> = {
  integer: 'A whole number such as 3; a comma may separate thousands (1,500).',
  decimal: 'A number with a dot before the decimals, such as 1500.00; a comma may separate thousands (1,500.00).',
  date: 'A date such as 2025-01-31, Jan 31, 2025, 31 Jan 2025 or tomorrow (write the month as a name when 01/02/2025 could be read two ways).',
  datetime: 'A date and time such as 2025-01-31 09:00 (in your Zapier time zone) or 2025-01-31T09:00:00Z.',
};

/** The help of a typed field: what it means, then the form it takes. */
export const withFormHint = (kind: AttributeKind, help = ''): string => [help, FORM_HINTS[kind] ?? ''].filter(Boolean).join(' ');
