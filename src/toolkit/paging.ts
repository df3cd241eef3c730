/** JSON:API page-number paging (`page[number]` from 1, `page[size]`). */
import type { Document, Resource } from './json-api.js';

/** Page size used unless a resource states its own. */
export const DEFAULT_PAGE_SIZE = 100;

/** Zapier counts pages from 0, JSON:API page numbers from 1. */
export const pageParams = (zapierPage: number, size: number): Record<string, string> => ({
  'page[number]': String(Math.max(0, zapierPage) + 1),
  'page[size]': String(size),
});

/** True when the document says another page follows: `links.next`, else `meta.page-count`. */
export const hasNextPage = (document: Document<Resource[]>, pageNumber: number): boolean => {
  if (document.links && 'next' in document.links) return Boolean(document.links.next);
  const pageCount = Number(document.meta?.['page-count']);
  return Number.isFinite(pageCount) && pageNumber < pageCount;
};
