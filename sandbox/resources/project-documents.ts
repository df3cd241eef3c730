import { scalarText } from '../json.js';
import type { StoredRecord } from '../store.js';
import { nowIso, type ApiContext } from '../api/context.js';
import type { ResourceHooks } from './resource-def.js';
import { inverseRecords } from './related.js';

/**
 * Asynchronous document generation, made deterministic: a new document says `created`. In the
 * strict profile it takes STRICT_GENERATION_SECONDS of sandbox clock, as public clients allow a
 * real document up to 5 minutes. In the permissive profile it is resolved the second time it is
 * served after creation (GET one, or a list page holding it), or once the sandbox clock is
 * GENERATION_SECONDS past its created-at, whichever comes first.
 * It then becomes `error` (with error-text) when the template id is neither an active
 * document template of the account nor "pricing"/"breakdown", or when the project has no
 * project-services; otherwise `finished` with a document-url served by the sandbox itself.
 */
const GENERATION_READS = 2;
const GENERATION_SECONDS = 5;
const STRICT_GENERATION_SECONDS = 120;
const BUILT_IN_TEMPLATES: Record<string, string> = { pricing: 'Pricing', breakdown: 'Work Breakdown' };

export interface GeneratedFile {
  contentType: string;
  body: Buffer;
}

function templateName(document: StoredRecord, context: ApiContext): { name?: string; error?: string } {
  const templateId = scalarText(document.attributes['template-id']) ?? '';
  const builtIn = BUILT_IN_TEMPLATES[templateId];
  if (builtIn !== undefined) return { name: builtIn };
  const template = context.store.find('document-templates', document.accountId, templateId);
  if (template === undefined) return { error: `Document template ${templateId} was not found.` };
  if (template.attributes['active'] !== true) return { error: `Document template ${templateId} is not active.` };
  return { name: scalarText(template.attributes['name']) ?? '' };
}

function fileName(document: StoredRecord, project: StoredRecord | undefined): string {
  const base = (scalarText(project?.attributes['project-name']) ?? 'project')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const extension = document.attributes['generate-pdf'] === false ? 'docx' : 'pdf';
  return `${base}-${scalarText(document.attributes['document-type']) ?? 'sow'}.${extension}`;
}

function resolve(document: StoredRecord, context: ApiContext): void {
  const project = context.store.find('projects', document.accountId, document.links['project'] ?? '');
  const template = templateName(document, context);
  const services = project === undefined ? [] : inverseRecords(project, 'project-services', 'project', context);
  const error = template.error ?? (services.length === 0 ? 'The project has no services, so there is nothing to document.' : undefined);
  document.attributes['updated-at'] = nowIso(context);
  document.attributes['template-name'] = template.name ?? null;
  if (error !== undefined) {
    document.attributes['status'] = 'error';
    document.attributes['error-text'] = error;
    return;
  }
  document.attributes['status'] = 'finished';
  document.internal['file-name'] = fileName(document, project);
}

/** document-url is built per request so it always points at the host the client used. */
export function documentUrl(document: StoredRecord, context: ApiContext): string | null {
  const file = document.internal['file-name'];
  return typeof file === 'string' ? `${context.base}/downloads/${context.slug}/${document.id}/${file}` : null;
}

const ageSeconds = (document: StoredRecord, context: ApiContext) =>
  (context.clock.now().getTime() - Date.parse(scalarText(document.attributes['created-at']) ?? '')) / 1000;

/** Whether generation is over: the set duration, the strict profile's minutes, else the read or time rule. */
const isDue = (document: StoredRecord, reads: number, context: ApiContext): boolean => {
  const seconds = context.store.state.documentSeconds ?? (context.profile === 'strict' ? STRICT_GENERATION_SECONDS : undefined);
  if (seconds !== undefined) return ageSeconds(document, context) >= seconds;
  return reads >= GENERATION_READS || ageSeconds(document, context) >= GENERATION_SECONDS;
};

function progress(document: StoredRecord, context: ApiContext): void {
  if (document.attributes['status'] !== 'created') return;
  const reads = Number(document.internal['reads'] ?? 0) + 1;
  document.internal['reads'] = reads;
  if (isDue(document, reads, context)) resolve(document, context);
}

/**
 * The time rule holds whether or not the document is on the page: a list filtered on
 * `status=finished` must find a document whose time has come, so lists apply it before filtering.
 */
function resolveIfDue(document: StoredRecord, context: ApiContext): void {
  if (document.attributes['status'] === 'created' && isDue(document, 0, context)) resolve(document, context);
}

export const projectDocumentHooks: ResourceHooks = {
  onRead: progress,
  beforeList: resolveIfDue,
};

/** The bytes behind a finished document's document-url: a tiny stand-in file. */
export function generatedFile(document: StoredRecord): GeneratedFile {
  const title = `ScopeStack sandbox document ${document.id} (${scalarText(document.attributes['document-type']) ?? 'sow'})`;
  if (document.attributes['generate-pdf'] === false) {
    return {
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      body: Buffer.from(`${title}\n`, 'utf8'),
    };
  }
  return { contentType: 'application/pdf', body: Buffer.from(`%PDF-1.4\n% ${title}\n%%EOF\n`, 'utf8') };
}
