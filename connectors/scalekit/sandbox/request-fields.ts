/**
 * Reading and checking JSON request bodies. protojson accepts a field under its proto name
 * (snake_case) or its JSON name (camelCase), so both are read; unknown fields are ignored, as
 * grpc-gateway's default unmarshaller discards them.
 */
import { ApiError, invalidField } from './grpc-errors.js';

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/** The raw value of a field, or undefined when absent (null counts as absent, as in protojson). */
function field(body: JsonObject, snake: string): unknown {
  const value = snake in body ? body[snake] : body[camel(snake)];
  return value ?? undefined;
}

export function has(body: JsonObject, snake: string): boolean {
  return field(body, snake) !== undefined;
}

export function parseBody(raw: string): JsonObject {
  if (raw.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new ApiError('INVALID_ARGUMENT', 'unexpected token in request body: not valid JSON');
  }
  if (!isObject(body)) throw new ApiError('INVALID_ARGUMENT', 'request body must be a JSON object');
  return body;
}

/** A string field limited to `maxLen` characters; undefined when absent. */
export function stringField(body: JsonObject, name: string, maxLen: number): string | undefined {
  const value = field(body, name);
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ApiError('INVALID_ARGUMENT', `invalid value for string field ${name}`);
  if (value.length > maxLen) throw invalidField(name, 'string.max_len', `value length must be at most ${maxLen} characters`);
  return value;
}

/** A string field that must be present with 1..maxLen characters. */
export function requiredString(body: JsonObject, name: string, maxLen: number): string {
  const value = stringField(body, name, maxLen) ?? '';
  if (value === '') throw invalidField(name, 'string.min_len', 'value length must be at least 1 characters');
  return value;
}

export function objectField(body: JsonObject, name: string): JsonObject | undefined {
  const value = field(body, name);
  if (value === undefined) return undefined;
  if (!isObject(value)) throw new ApiError('INVALID_ARGUMENT', `invalid value for message field ${name}`);
  return value;
}

/** A metadata map: keys 3-25 characters, values 1-256, at most `maxPairs` pairs (buf.validate rules). */
export function metadataField(body: JsonObject, name: string, maxPairs: number): Record<string, string> | undefined {
  const value = objectField(body, name);
  if (value === undefined) return undefined;
  const entries = Object.entries(value);
  if (entries.length > maxPairs) throw invalidField(name, 'map.max_pairs', `map must be at most ${maxPairs} entries`);
  for (const [key, item] of entries) {
    if (key.length < 3 || key.length > 25) throw invalidField(`${name}["${key}"]`, 'string.len', 'key length must be 3 to 25 characters');
    if (typeof item !== 'string') throw new ApiError('INVALID_ARGUMENT', `invalid value for map field ${name}: values must be strings`);
    if (item.length < 1 || item.length > 256) {
      throw invalidField(`${name}["${key}"]`, 'string.len', 'value length must be 1 to 256 characters');
    }
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

/** `roles: [{name}]` as a list of names. */
export function roleNamesField(body: JsonObject): string[] | undefined {
  const value = field(body, 'roles');
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new ApiError('INVALID_ARGUMENT', 'invalid value for repeated field roles');
  return value.map((role: unknown, index) => {
    const name = isObject(role) ? field(role, 'name') : undefined;
    if (typeof name !== 'string' || name === '')
      throw invalidField(`roles[${index}].name`, 'string.min_len', 'value length must be at least 1 characters');
    return name;
  });
}

/** A boolean query parameter as grpc-gateway parses it; `fallback` when absent. */
export function booleanQuery(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (['true', 'True', 'TRUE', '1', 't', 'T'].includes(raw)) return true;
  if (['false', 'False', 'FALSE', '0', 'f', 'F'].includes(raw)) return false;
  throw new ApiError('INVALID_ARGUMENT', `type mismatch, parameter: ${name}, error: invalid value "${raw}"`);
}
