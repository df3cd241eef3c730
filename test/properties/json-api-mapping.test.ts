import fc from 'fast-check';
import { keyFor } from 'connector-toolkit/field-names.js';
import type { FlatRecord } from 'connector-toolkit/flat-record.js';
import { toRecord, toRecords, type Resource, type ResourceIdentifier } from 'connector-toolkit/formats/json-api.js';
import type { AttributeKind, AttributeSpec, RelationshipSpec, Requester, ResourceSpec } from 'connector-toolkit/resource-spec.js';
import { jsonApiFormat, toDocument, type WriteDocument } from 'connector-toolkit/formats/json-api-format.js';

/*
 * Names. JSON:API member names in kebab-case, built from a small vocabulary as well as at random
 * so that near twins (`client`, `client-id`, `client-name`, `client-ids`) meet often. Attributes
 * and relationships of one resource share a namespace and neither is ever `id` or `type`
 * (JSON:API 1.1 §5.2.2), so every resource's member names are distinct and never those two.
 */
const segment = fc.oneof(
  { arbitrary: fc.constantFrom('client', 'rate-table'), weight: 4 },
  { arbitrary: fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?$/), weight: 1 },
);
/** A base name and, often, one of its twins' suffixes: `client`, `client-name`, `client-id`, `client-ids`. */
const memberName = fc
  .tuple(segment, fc.constantFrom('', '', '-name', '-id', '-ids'))
  .map(([base, suffix]) => `${base}${suffix}`)
  .filter((name) => name !== 'id' && name !== 'type');

/*
 * Read side: resources as a server sends them.
 */
const TYPES = ['people', 'clients'] as const;
/** Few ids, sometimes numbers (some servers send them), so that linkages find included records. */
const resourceId = fc.oneof(
  { arbitrary: fc.constantFrom('1', '2'), weight: 3 },
  { arbitrary: fc.constantFrom(1, 2), weight: 2 },
  { arbitrary: fc.stringMatching(/^[0-9]{1,4}$/), weight: 1 },
);
const identifier: fc.Arbitrary<ResourceIdentifier> = fc.record({ type: fc.constantFrom(...TYPES), id: resourceId });

/** Attribute values: strings, numbers, booleans, null, nested objects and lists. */
const attributeValue = fc.jsonValue({ maxDepth: 2 });

type Linkage = { kind: 'one'; data: ResourceIdentifier | null | undefined } | { kind: 'many'; data: ResourceIdentifier[] };
const linkage: fc.Arbitrary<Linkage> = fc.oneof(
  fc.record({
    kind: fc.constant('one' as const),
    data: fc.oneof(
      { arbitrary: identifier, weight: 4 },
      { arbitrary: fc.constant(null), weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    ),
  }),
  fc.record({ kind: fc.constant('many' as const), data: fc.array(identifier, { maxLength: 4 }) }),
);

/** One member of a resource: an attribute with its value, or a relationship with its linkage and display attribute. */
type Body = { attribute: true; value: unknown } | { attribute: false; link: Linkage; display: string | undefined };
type Member = Body & { name: string };
const body: fc.Arbitrary<Body> = fc.oneof(
  fc.record({ attribute: fc.constant(true as const), value: attributeValue }),
  fc.record({
    attribute: fc.constant(false as const),
    link: linkage,
    display: fc.option(fc.constantFrom('name', 'title'), { nil: undefined }),
  }),
);
const member: fc.Arbitrary<Member> = fc.tuple(memberName, body).map(([name, b]) => ({ ...b, name }));
/** `x`, `x-name`, `x-id` and `x-ids`, each absent, an attribute or a relationship: the twins whose keys may meet. */
const twins: fc.Arbitrary<Member[]> = fc
  .tuple(segment, fc.tuple(...['', '-name', '-id', '-ids'].map(() => fc.option(body, { nil: undefined, freq: 3 }))))
  .map(([base, bodies]) =>
    ['', '-name', '-id', '-ids'].flatMap((suffix, index) => {
      const b = bodies[index];
      return b === undefined ? [] : [{ ...b, name: `${base}${suffix}` }];
    }),
  );
/** Members with distinct names, never `id` or `type`: twin groups and single members. */
const members: fc.Arbitrary<Member[]> = fc
  .tuple(fc.array(twins, { minLength: 1, maxLength: 2 }), fc.array(member, { maxLength: 4 }))
  .map(([groups, singles]) => {
    const byName = new Map<string, Member>();
    for (const m of [...groups.flat(), ...singles]) if (!byName.has(m.name) && m.name !== 'id' && m.name !== 'type') byName.set(m.name, m);
    return [...byName.values()];
  });

interface Generated {
  resource: Resource;
  attributes: [string, unknown][];
  relationships: [string, Linkage][];
  /** Specs for some relationships, saying which attribute of the related record names it. */
  specs: RelationshipSpec[];
}

const generated: fc.Arbitrary<Generated> = fc.tuple(members, resourceId).map(([all, id]) => {
  const attributes = all.flatMap((m): [string, unknown][] => (m.attribute ? [[m.name, m.value]] : []));
  const relationships = all.flatMap((m): [string, Linkage][] => (m.attribute ? [] : [[m.name, m.link]]));
  const specs = all.flatMap((m): RelationshipSpec[] =>
    !m.attribute && m.display !== undefined ? [{ name: m.name, type: 'people', display: m.display }] : [],
  );
  const resource: Resource = {
    id,
    type: 'projects',
    attributes: Object.fromEntries(attributes),
    relationships: Object.fromEntries(
      relationships.map(([name, link]) => [name, link.data === undefined ? { links: { related: `/x/${name}` } } : { data: link.data }]),
    ),
  };
  return { resource, attributes, relationships, specs };
});

/** Included records, at most one per `type:id` (as the spec requires), named by `name` and sometimes `title`. */
const included: fc.Arbitrary<Resource[]> = fc
  .tuple(
    ...TYPES.flatMap((type) =>
      ['1', '2'].map((id) =>
        fc.option(
          fc
            .record({ name: fc.string({ maxLength: 8 }), title: fc.string({ maxLength: 8 }) }, { requiredKeys: [] })
            .map((attributes): Resource => ({ type, id, attributes })),
          { nil: undefined },
        ),
      ),
    ),
  )
  .map((resources) => resources.filter((resource) => resource !== undefined));

const findIncluded = (pool: readonly Resource[], link: ResourceIdentifier): Resource | undefined =>
  pool.find((resource) => resource.type === link.type && String(resource.id) === String(link.id));

const expectedName = (related: Resource, spec: RelationshipSpec | undefined): unknown => {
  const attributes = related.attributes ?? {};
  return attributes[spec?.display ?? 'name'] ?? attributes['name'] ?? null;
};

/** One key a relationship writes: the value expected there, compared through `view` (ids of included records). */
interface Write {
  key: string;
  expected: unknown;
  view?: (found: unknown) => unknown;
}
const idsOf = (found: unknown): unknown => (Array.isArray(found) ? found.map((r: FlatRecord) => r.id) : found);

/** What one relationship writes into a record. */
const writesOf = (name: string, link: Linkage, pool: readonly Resource[], spec: RelationshipSpec | undefined): Write[] => {
  const key = keyFor(name);
  if (link.kind === 'many') {
    const related = link.data.flatMap((l) => findIncluded(pool, l) ?? []);
    const ids: Write = { key: `${key}_ids`, expected: link.data.map((l) => String(l.id)) };
    return related.length === 0 ? [ids] : [ids, { key, expected: related.map((r) => String(r.id)), view: idsOf }];
  }
  // Linkage not sent: "not told", so no key of its own.
  if (link.data === undefined) return [];
  if (link.data === null) return [{ key: `${key}_id`, expected: null }];
  const related = findIncluded(pool, link.data);
  const id: Write = { key: `${key}_id`, expected: String(link.data.id) };
  return related ? [id, { key: `${key}_name`, expected: expectedName(related, spec) }] : [id];
};

/** Keys a relationship writes into a record. */
const keysOf = (name: string, link: Linkage, pool: readonly Resource[]): string[] =>
  writesOf(name, link, pool, undefined).map(({ key }) => key);

/** True when no two members want the same record key (`client` to-one and an attribute `client-name` both want `client_name`). */
const membersApart = (g: Generated, pool: readonly Resource[]): boolean => {
  const keys = [
    'id',
    ...g.attributes.map(([name]) => keyFor(name)),
    ...g.relationships.flatMap(([name, link]) => keysOf(name, link, pool)),
  ];
  return new Set(keys).size === keys.length;
};

/**
 * Checks every key a relationship writes. Where keys clash, the rule of `flatten` is "first come,
 * first kept": attributes come first, then relationships in the order the server sent them.
 */
const checkRelationships = (record: FlatRecord, g: Generated, pool: readonly Resource[], specs: readonly RelationshipSpec[]): void => {
  const claimed = new Set(['id', ...g.attributes.map(([name]) => keyFor(name))]);
  for (const [name, link] of g.relationships) {
    const spec = specs.find((candidate) => candidate.name === name);
    for (const { key, expected, view = (found: unknown) => found } of writesOf(name, link, pool, spec)) {
      if (claimed.has(key)) continue;
      claimed.add(key);
      expect([key, view(record[key])]).toEqual([key, expected]);
    }
  }
};

const withIncluded = fc.tuple(
  generated,
  fc.oneof({ arbitrary: fc.constant<Resource[]>([]), weight: 1 }, { arbitrary: included, weight: 3 }),
);

const RUNS = { numRuns: 200 };
/** Key clashes need twins, a linkage and an included record to meet: cheap runs, so many of them. */
const CLASH_RUNS = { numRuns: 600 };

describe('toRecord / toRecords (property)', () => {
  it('every attribute appears under keyFor(name), unchanged (the same value, nested objects kept)', () => {
    fc.assert(
      fc.property(withIncluded, ([g, pool]) => {
        const record = toRecord(g.resource, pool, g.specs);
        expect(record.id).toBe(String(g.resource.id));
        for (const [name, value] of g.attributes) expect(record[keyFor(name)]).toBe(value);
      }),
      CLASH_RUNS,
    );
  });

  it('every to-one gives `<key>_id` (text, or null for empty linkage) and `<key>_name` when included; every to-many `<key>_ids` (and `<key>` when included)', () => {
    fc.assert(
      fc.property(withIncluded, ([g, pool]) => {
        fc.pre(membersApart(g, pool));
        checkRelationships(toRecord(g.resource, pool, g.specs), g, pool, g.specs);
      }),
      RUNS,
    );
  });

  it('a record has no keys other than id, the attributes and the relationships (of the known key shapes)', () => {
    fc.assert(
      fc.property(withIncluded, ([g, pool]) => {
        const record = toRecord(g.resource, pool, g.specs);
        const attributeKeys = new Set(g.attributes.map(([name]) => keyFor(name)));
        const allowed = new Set(['id', ...attributeKeys, ...g.relationships.flatMap(([name, link]) => keysOf(name, link, pool))]);
        for (const key of Object.keys(record)) expect(allowed).toContain(key);
      }),
      RUNS,
    );
  });

  it('where keys clash, the first comes first: attributes, then relationships in order (`x` to-one and an included `x-name` to-many both want `x_name`)', () => {
    fc.assert(
      fc.property(withIncluded, ([g, pool]) => {
        checkRelationships(toRecord(g.resource, pool, g.specs), g, pool, g.specs);
      }),
      CLASH_RUNS,
    );
  });

  it('toRecords flattens each resource of a page as toRecord does, with the shared included', () => {
    fc.assert(
      fc.property(fc.array(generated, { maxLength: 4 }), fc.oneof(fc.constant(undefined), included), (page, pool) => {
        const document = { data: page.map((g) => g.resource), ...(pool ? { included: pool } : {}) };
        const relationships = page.flatMap((g) => g.specs);
        expect(toRecords(document, { relationships })).toEqual(page.map((g) => toRecord(g.resource, pool ?? [], relationships)));
      }),
      { numRuns: 100 },
    );
  });
});

/*
 * Write side: a generated ResourceSpec with writable attributes and relationships, values in
 * the form the API sends them (so that they are also what a write takes back).
 */
const WRITE_KINDS = ['string', 'text', 'integer', 'decimal', 'boolean', 'date', 'list'] as const satisfies readonly AttributeKind[];
type WriteKind = (typeof WRITE_KINDS)[number];

const nonBlank = fc.string({ unit: 'binary', maxLength: 12 }).filter((text) => text.trim() !== '');
const canonical: Record<WriteKind, fc.Arbitrary<unknown>> = {
  // One-line text is trimmed on the way in, so the API's own values are trimmed ones.
  string: nonBlank.map((text) => text.trim()),
  text: nonBlank,
  integer: fc.oneof(fc.integer(), fc.maxSafeInteger()),
  decimal: fc
    .tuple(fc.constantFrom('', '-'), fc.stringMatching(/^(0|[1-9][0-9]{0,20})$/), fc.constantFrom('', '.5', '.00', '.99', '.125'))
    .map((parts) => parts.join('')),
  boolean: fc.boolean(),
  date: fc
    .date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
  list: fc.array(
    nonBlank.map((text) => text.trim()),
    { minLength: 1, maxLength: 4 },
  ),
};

const requester: Requester = {
  service: 'Test',
  format: jsonApiFormat,
  collectionsUrl: () => undefined,
  apiBaseUrl: () => 'https://api.example',
  recordId: { pattern: /^\d+$/, description: 'a whole number such as 1001' },
};
const recordId = fc.stringMatching(/^[0-9]{1,6}$/);

/** One writable member of a spec, with a value of its kind, or undefined when the record has none. */
type WriteMember =
  | { name: string; attribute: AttributeSpec; value: unknown }
  | { name: string; relationship: RelationshipSpec; value: string | string[] | undefined };
const writeMember: fc.Arbitrary<WriteMember> = fc.oneof(
  ...WRITE_KINDS.map((kind) =>
    fc
      .record({ name: memberName, value: fc.option(canonical[kind], { nil: undefined, freq: 4 }) })
      .map(({ name, value }): WriteMember => ({ name, attribute: { name, kind, writable: true }, value })),
  ),
  fc
    .record({ name: memberName, value: fc.option(recordId, { nil: undefined, freq: 4 }) })
    .map(({ name, value }): WriteMember => ({ name, relationship: { name, type: 'people', writable: true }, value })),
  fc
    .record({ name: memberName, value: fc.option(fc.array(recordId, { minLength: 1, maxLength: 3 }), { nil: undefined, freq: 4 }) })
    .map(({ name, value }): WriteMember => ({ name, relationship: { name, type: 'people', writable: true, many: true }, value })),
);

interface WriteCase {
  spec: ResourceSpec;
  /** The record as Zapier holds it (what a trigger gave, mapped into a write). */
  record: FlatRecord;
  /** The resource as the API holds it, which is also the body a write of `record` sends. */
  data: WriteDocument['data'] & { id: string };
}

/** Specs where no attribute has the key a relationship is written under (`client-id` beside a to-one `client`). */
const writeCase: fc.Arbitrary<WriteCase> = fc
  .tuple(fc.uniqueArray(writeMember, { selector: (m) => m.name, maxLength: 8 }), recordId)
  .filter(([members]) => {
    const attributeKeys = new Set(members.flatMap((m) => ('attribute' in m ? [keyFor(m.name)] : [])));
    return members.every((m) => !('relationship' in m) || !attributeKeys.has(`${keyFor(m.name)}${m.relationship.many ? '_ids' : '_id'}`));
  })
  .map(([members, id]): WriteCase => {
    const spec: ResourceSpec = {
      type: 'projects',
      path: 'projects',
      noun: 'Project',
      display: 'name',
      attributes: members.flatMap((m) => ('attribute' in m ? [m.attribute] : [])),
      relationships: members.flatMap((m) => ('relationship' in m ? [m.relationship] : [])),
      requester,
      sample: {},
    };
    const given = members.filter((m) => m.value !== undefined);
    const record: FlatRecord = { id };
    const attributes: Record<string, unknown> = {};
    const relationships: Record<string, { data: ResourceIdentifier | ResourceIdentifier[] }> = {};
    for (const m of given) {
      if ('attribute' in m) {
        record[keyFor(m.name)] = m.value;
        attributes[m.name] = m.value;
      } else if (Array.isArray(m.value)) {
        record[`${keyFor(m.name)}_ids`] = m.value;
        relationships[m.name] = { data: m.value.map((related) => ({ type: 'people', id: related })) };
      } else if (m.value !== undefined) {
        record[`${keyFor(m.name)}_id`] = m.value;
        relationships[m.name] = { data: { type: 'people', id: m.value } };
      }
    }
    const data = { type: 'projects', id, attributes, ...(Object.keys(relationships).length > 0 ? { relationships } : {}) };
    return { spec, record, data };
  });

describe('records and write documents (property)', () => {
  it('document -> record -> document keeps every attribute and relationship', () => {
    fc.assert(
      fc.property(writeCase, ({ spec, data }) => {
        expect(toDocument(spec, toRecord(data), { id: data.id })).toEqual({ ok: true, document: { data } });
      }),
      RUNS,
    );
  });

  it('record -> document -> record keeps every attribute and relationship', () => {
    fc.assert(
      fc.property(writeCase, ({ spec, record }) => {
        const written = toDocument(spec, record, { id: record.id });
        if (!written.ok) throw new Error(written.problems.join(' '));
        expect(toRecord({ ...written.document.data, id: record.id })).toEqual(record);
      }),
      RUNS,
    );
  });
});
