/**
 * The read-only fidelity probe: every read element the evidence ledger still marks as a guess
 * (a filter, sort or include no public client is seen to send) is tried once against the
 * connected ScopeStack, one GET with a page of one record, through the app's own API Request
 * step. Its table says which guesses ScopeStack accepts, in ScopeStack's words when it refuses,
 * and which steps depend on each; it can be pasted into an issue as it is. It never writes.
 */
import * as catalog from '../src/scopestack/catalog/index.js';
import { LEDGER } from '../src/scopestack/evidence.js';
import type { ResourceSpec } from 'connector-toolkit/resource-spec.js';
import { messageOf } from './message-of.js';
import { httpRequestCount, type ZapRunner } from './zap-runner.js';

/** The steps that send each guessed read element: what ScopeStack refusing it would touch. */
export const DEPENDENT_STEPS: Readonly<Record<string, readonly string[]>> = {
  'clients sort=-id': ['new_client'],
  'clients sort=name': ['list_clients'],
  'projects sort=-updated-at': ['updated_project', 'project_status_changed', 'project_crm_opportunity_changed'],
  'projects sort=project-name': ['list_projects'],
  'project-contacts include=project': ['create_project_contact', 'update_project_contact', 'list_project_contacts'],
  'project-contacts sort=name': ['list_project_contacts'],
  'project-locations sort=name': ['list_project_locations'],
  'project-services include=project': ['add_project_service'],
  'project-services include=service': ['add_project_service'],
  'project-services include=project-subservices': ['add_project_service'],
  'services filter[name]': ['find_service'],
  'services filter[sku]': ['find_service'],
  'services sort=name': ['list_services'],
  'document-templates sort=name': ['list_document_templates'],
  'project-documents filter[status]': ['new_project_document'],
  'project-documents sort=-updated-at': ['new_project_document'],
  'crm-opportunities filter[name]': ['find_crm_opportunity'],
  'crm-opportunities sort=-id': ['new_crm_opportunity'],
  'crm-opportunities sort=display-name': ['list_crm_opportunities'],
  'crm-opportunities include=projects': [
    'new_crm_opportunity',
    'find_crm_opportunity',
    'create_crm_opportunity',
    'update_crm_opportunity',
    'upsert_crm_opportunity',
  ],
  'sales-executives filter[active]=true,false': ['find_sales_executive', 'upsert_sales_executive'],
  'sales-executives sort=name': ['list_sales_executives'],
  'presales-engineers filter[name]': ['find_presales_engineer'],
  'presales-engineers filter[active]': ['find_presales_engineer', 'list_presales_engineers'],
  'presales-engineers sort=name': ['list_presales_engineers'],
  'users filter[name]': ['find_user'],
  'vendors filter[active]=true,false': ['find_vendor', 'upsert_vendor'],
  'vendors sort=name': ['list_vendors'],
  'products filter[active]=true,false': ['find_product', 'upsert_product'],
  'products sort=name': ['list_products'],
  'rate-tables sort=-default,name': ['list_rate_tables'],
  'payment-terms sort=-default,name': ['list_payment_terms'],
  'business-units sort=name': ['list_business_units'],
  'project-approvals filter[project]': ['new_project_approval'],
  'project-approvals sort=-id': ['new_project_approval'],
  'project-approvals include=project': ['new_project_approval'],
  'project-approvals include=user': ['new_project_approval'],
};

/** A value for a filter the ledger grades whatever its value: one a real account can hold. */
const PROBE_VALUES: Readonly<Record<string, string>> = { status: 'finished', active: 'true', project: '1' };

/** `filter[name]` -> `{ 'filter[name]': 'Zapier probe' }`; `sort=-id` -> `{ sort: '-id' }`. */
export const queryOf = (element: string): Record<string, string> => {
  const [param = '', value] = element.split('=', 2);
  if (value !== undefined) return { [param]: element.slice(param.length + 1) };
  const filter = /^filter\[(.+)\]$/.exec(param)?.[1] ?? '';
  return { [param]: PROBE_VALUES[filter] ?? 'Zapier probe' };
};

/** Every read element of the ledger that is still a guess, as `type element`. */
export const guessedReads = (): string[] =>
  Object.entries(LEDGER).flatMap(([type, entries]) =>
    Object.entries(entries)
      .filter(([element, evidence]) => evidence.grade === 'guess' && !element.startsWith('write '))
      .map(([element]) => `${type} ${element}`),
  );

export interface ProbeRow {
  element: string;
  answer: string;
  steps: readonly string[];
}

const pathOf = (type: string): string =>
  (Object.values(catalog) as readonly ResourceSpec[]).find((spec) => spec.type === type)?.path ?? type;

/** Tries each guessed read element once; the requests it cost are returned with the rows. */
export const fidelityProbe = async (runner: ZapRunner): Promise<{ rows: ProbeRow[]; requests: number }> => {
  const before = httpRequestCount();
  const rows: ProbeRow[] = [];
  for (const entry of guessedReads()) {
    const [type = '', element = ''] = entry.split(' ');
    const query = { ...queryOf(element), 'page[size]': '1' };
    const answer = await runner.run<{ status: number }>('creates', 'api_request', { method: 'GET', path: `/${pathOf(type)}`, query }).then(
      (outcome) => `accepted (HTTP ${outcome.result.status})`,
      (error: unknown) => `refused: ${messageOf(error)}`,
    );
    rows.push({ element: entry, answer, steps: DEPENDENT_STEPS[entry] ?? [] });
  }
  return { rows, requests: httpRequestCount() - before };
};

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** A Markdown table, to paste into an issue as it is. */
export const printProbe = ({ rows, requests }: { rows: readonly ProbeRow[]; requests: number }): void => {
  console.log(
    `\nFidelity probe: ${rows.length} guessed read elements, one GET each (page size 1), ${requests} HTTP requests, nothing written.\n`,
  );
  console.log('| Element | ScopeStack answered | Steps that depend on it |');
  console.log('|---|---|---|');
  for (const row of rows) console.log(`| ${cell(row.element)} | ${cell(row.answer)} | ${row.steps.join(', ')} |`);
};
