/** Page size used unless a resource states its own. */
export const DEFAULT_PAGE_SIZE = 100;
