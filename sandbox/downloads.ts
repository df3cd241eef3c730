import type { SandboxRequest, SandboxResponse } from './http/types.js';
import type { Services } from './services.js';
import { generatedFile } from './resources/project-documents.js';

/** True for /downloads/{slug}/{documentId}/{file}, where finished documents are served. */
export function isDownloadPath(pathname: string): boolean {
  return pathname.startsWith('/downloads/');
}

/**
 * Serves a generated document like the pre-signed storage URL of the real service: no bearer
 * token needed, and only the exact URL of a finished document works.
 */
export function handleDownload(request: SandboxRequest, services: Services): SandboxResponse {
  const [, , slug = '', id = '', file = ''] = request.url.pathname.split('/');
  const account = services.store.accountBySlug(slug);
  const document = account === undefined ? undefined : services.store.find('project-documents', Number(account.id), id);
  const found = request.method === 'GET' && document?.attributes['status'] === 'finished' && document.internal['file-name'] === file;
  if (document === undefined || !found) {
    return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not found\n' };
  }
  const generated = generatedFile(document);
  return {
    status: 200,
    headers: { 'content-type': generated.contentType, 'content-disposition': `attachment; filename="${file}"` },
    body: generated.body,
  };
}
