/**
 * JSON:API throughput: how fast the toolkit turns a list document into flat records
 * (`toRecords`, every poll and search) and flat input into a write body (`toDocument`, every
 * create and update). Inputs are fixed and built from the client fixture, so every run measures
 * the same work. Our side is the built code in dist/ (what Zapier runs), not the TypeScript.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
// The toolkit package resolves to its build (packages/toolkit/dist) at run time.
import { toRecords, type Document, type Resource } from 'connector-toolkit/formats/json-api.js';
import { toDocument } from 'connector-toolkit/formats/json-api-format.js';
import { Jsona } from 'jsona';
import type { Metric } from './report.js';
import { median } from './median.js';

const CLIENTS = 250;
const RATE_TABLES = 5;
const CONTACTS_PER_CLIENT = 2;
const WARM_UP_ROUNDS = 3;
const ROUNDS = 9;
/** Each round repeats the work for at least this long, so timer resolution does not matter. */
const ROUND_MS = 100;

const fixture = JSON.parse(readFileSync(new URL('../test/fixtures/clients/one.json', import.meta.url), 'utf8')) as Document<Resource> & {
  included: Resource[];
};
const [rateTable, contact] = fixture.included;

/** A page of clients shaped like the fixture, each with one of a few rate tables and its own contacts. */
const listDocument = (): Document<Resource[]> => {
  if (!rateTable || !contact) throw new Error('json-api throughput: the client fixture lost its included rate table or contact.');
  const data = Array.from({ length: CLIENTS }, (_, index): Resource => {
    const contactIds = Array.from({ length: CONTACTS_PER_CLIENT }, (__, n) => String(5000 + index * CONTACTS_PER_CLIENT + n));
    return {
      ...fixture.data,
      id: String(1001 + index),
      attributes: { ...fixture.data.attributes, name: `Client ${index}`, domain: `client-${index}.example` },
      relationships: {
        ...fixture.data.relationships,
        'rate-table': { data: { type: 'rate-tables', id: String(7 + (index % RATE_TABLES)) } },
        contacts: { data: contactIds.map((id) => ({ type: 'contacts', id })) },
      },
    };
  });
  const rateTables = Array.from({ length: RATE_TABLES }, (_, n): Resource => ({
    ...rateTable,
    id: String(7 + n),
    attributes: { ...rateTable.attributes, name: `Rates ${n}` },
  }));
  const contacts = data.flatMap((client) => {
    const linkage = client.relationships?.['contacts']?.data;
    return (Array.isArray(linkage) ? linkage : []).map((link): Resource => ({
      ...contact,
      id: String(link.id),
      attributes: { ...contact.attributes, name: `Contact ${link.id}` },
    }));
  });
  return { data, included: [...rateTables, ...contacts] };
};

const WRITE_INPUT = {
  name: 'Northwind Traders',
  domain: 'northwind.example',
  active: 'true',
  msa_date: '2025-01-31',
  user_defined_fields: '[{"name": "industry", "value": "Retail"}]',
};
const OWNER = { name: 'account', type: 'accounts', id: '42' };

/** Items per second, median over rounds: `work` handles `itemsPerCall` items each call. */
const throughput = (itemsPerCall: number, work: () => void): number => {
  const round = (): number => {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ROUND_MS) {
      work();
      calls += 1;
      elapsed = performance.now() - start;
    }
    return (calls * itemsPerCall) / (elapsed / 1000);
  };
  for (let n = 0; n < WARM_UP_ROUNDS; n += 1) round(); // let the JIT settle first
  return median(Array.from({ length: ROUNDS }, round));
};

/** A module of the built app (dist/), typed as its source. */
const built = async <M>(path: string): Promise<M> => (await import(new URL(`../dist/src/${path}`, import.meta.url).href)) as M;

export const measureJsonApiThroughput = async (): Promise<Metric[]> => {
  const { clients } = await built<typeof import('../src/scopestack/catalog/clients.js')>('scopestack/catalog/clients.js');
  const document = listDocument();
  const records = toRecords(document, clients);
  const sample = records[CLIENTS - 1];
  // A fast wrong answer is no result: check the mapping once before timing it.
  if (
    records.length !== CLIENTS ||
    sample?.['rate_table_name'] !== `Rates ${(CLIENTS - 1) % RATE_TABLES}` ||
    !Array.isArray(sample['contacts'])
  ) {
    throw new Error('json-api throughput: toRecords did not resolve the included rate tables and contacts.');
  }
  const written = toDocument(clients, WRITE_INPUT, { owner: OWNER });
  if (!written.ok) throw new Error(`json-api throughput: toDocument refused the fixed input: ${written.problems.join(' ')}`);

  // The same jobs done with jsona (the most used JSON:API (de)serializer), in the same run.
  // jsona's type declarations import their siblings without extensions, which NodeNext cannot
  // resolve: the two methods used here are typed by hand.
  const JsonaClass = Jsona as unknown as new () => {
    deserialize: (body: unknown) => unknown;
    serialize: (options: { stuff: unknown }) => unknown;
  };
  const jsona = new JsonaClass();
  // jsona is handed the values ready-made, but for the line items: a step receives them as JSON
  // text (the same text ours parses), which jsona's caller would have to parse too.
  const jsonaInput = () => ({
    type: 'clients',
    name: WRITE_INPUT.name,
    domain: WRITE_INPUT.domain,
    active: true,
    'msa-date': WRITE_INPUT.msa_date,
    'user-defined-fields': JSON.parse(WRITE_INPUT.user_defined_fields) as unknown,
    account: { type: 'accounts', id: '42' },
    relationshipNames: ['account'],
  });
  const ours = {
    read: throughput(CLIENTS, () => toRecords(document, clients)),
    write: throughput(1, () => toDocument(clients, WRITE_INPUT, { owner: OWNER })),
  };
  const theirs = {
    read: throughput(CLIENTS, () => jsona.deserialize(document)),
    write: throughput(1, () => jsona.serialize({ stuff: jsonaInput() })),
  };
  return [
    {
      name: `json:api: toRecords, ${CLIENTS} clients + ${document.included?.length} included`,
      unit: 'records/s',
      value: ours.read,
      better: 'higher',
    },
    { name: 'json:api: jsona deserialize, the same page', unit: 'records/s', value: theirs.read, better: 'higher' },
    { name: 'json:api: toRecords : jsona, same run', unit: 'x as fast', value: ours.read / theirs.read, better: 'higher' },
    { name: 'json:api: toDocument, create_client body', unit: 'documents/s', value: ours.write, better: 'higher' },
    { name: 'json:api: jsona serialize, the same body', unit: 'documents/s', value: theirs.write, better: 'higher' },
    { name: 'json:api: toDocument : jsona, same run', unit: 'x as fast', value: ours.write / theirs.write, better: 'higher' },
  ];
};
