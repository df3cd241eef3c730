/**
 * Token pagination: `page_token` is opaque to clients; here it is base64 of {"page":n}, n from 1,
 * the form the doc decoded from an official example token.
 */
import { ApiError, invalidField } from './grpc-errors.js';

export interface PageLimits {
  min: number;
  max: number;
}

/** Absent or 0 means "use the default" (proto3 has no unset for a uint32). */
const DEFAULT_PAGE_SIZE = 10;

const pageToken = (page: number): string => Buffer.from(JSON.stringify({ page }), 'utf8').toString('base64');

function pageOfToken(token: string): number {
  if (token === '') return 1;
  let page: unknown;
  try {
    page = (JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { page?: unknown }).page;
  } catch {
    page = undefined;
  }
  if (typeof page !== 'number' || !Number.isInteger(page) || page < 1) throw new ApiError('INVALID_ARGUMENT', 'invalid page_token');
  return page;
}

function pageSizeOf(raw: string | null, limits: PageLimits): number {
  if (raw === null || raw === '' || raw === '0') return DEFAULT_PAGE_SIZE;
  const size = Number(raw);
  // A value the gateway cannot parse as uint32 is a plain INVALID_ARGUMENT with no field violation.
  if (!/^\d+$/.test(raw)) throw new ApiError('INVALID_ARGUMENT', `type mismatch, parameter: page_size, error: invalid value "${raw}"`);
  if (size < limits.min) throw invalidField('page_size', 'uint32.gte', `value must be greater than or equal to ${limits.min}`);
  if (size > limits.max) throw invalidField('page_size', 'uint32.lte', `value must be less than or equal to ${limits.max}`);
  return size;
}

export interface Page<T> {
  items: T[];
  next_page_token: string;
  prev_page_token: string;
  total_size: number;
}

/** One page of `items`; `trailingToken` reproduces the recorded quirk of a next token on the last page. */
export function paginate<T>(items: T[], query: URLSearchParams, limits: PageLimits, trailingToken: boolean): Page<T> {
  const size = pageSizeOf(query.get('page_size'), limits);
  const page = pageOfToken(query.get('page_token') ?? '');
  const start = (page - 1) * size;
  const slice = items.slice(start, start + size);
  const hasMore = start + size < items.length;
  return {
    items: slice,
    next_page_token: hasMore || (trailingToken && slice.length > 0) ? pageToken(page + 1) : '',
    prev_page_token: page > 1 ? pageToken(page - 1) : '',
    total_size: items.length,
  };
}
