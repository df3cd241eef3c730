/** The JSON values the sandbox stores and serves; typed so no `any` leaks from JSON.parse. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = Record<string, Json>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses text as JSON, returning undefined instead of throwing (bodies come from strangers). */
export function parseJson(text: string): Json | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed as Json;
  } catch {
    return undefined;
  }
}

/**
 * The text of a scalar JSON value: a string as it is, a number or boolean as String() writes it.
 * Anything else (null, undefined, an object, a list) has no text of its own and gives undefined,
 * so a caller picks its own fallback instead of printing "[object Object]".
 */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
