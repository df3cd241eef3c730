/** A JSON:API list answer of one page, as a nock reply: the records, what they include, and links. */
export const listPage = (
  data: unknown[],
  { included = [], links = {} }: { included?: unknown[]; links?: Record<string, string> } = {},
) => ({
  data,
  included,
  meta: { 'record-count': data.length, 'page-count': 1 },
  links,
});
