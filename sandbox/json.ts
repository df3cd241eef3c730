/** The JSON values the sandbox stores and serves; typed so no `any` leaks from JSON.parse. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

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
