/**
 * The property behind `test/properties/typed-inputs-*.test.ts`: any text in the typed fields of
 * a write step, delivered as Zapier production delivers it (the CLI's model of its conversion),
 * reaches the API as the value the toolkit reads from that text, or nothing is written and the
 * message names every field that was refused, by its label.
 *
 * Core ends a test process after 250 step runs once it holds 450 MB, as Zapier would: the steps
 * are split over a few files, and each run fills every typed field of its step at once.
 */
import fc from 'fast-check';
import nock from 'nock';
import zapier, { type PlainInputField } from 'zapier-platform-core';
import App from '../../src/index.js';
import * as catalog from '../../src/scopestack/catalog/index.js';
import { coerceValue, isGiven } from 'connector-toolkit/coerce.js';
import { readingNow } from 'connector-toolkit/dates.js';
import { keyFor } from 'connector-toolkit/field-names.js';
import { attributeLabel, customFieldKey } from 'connector-toolkit/fields.js';
import type { AttributeKind, ResourceSpec } from 'connector-toolkit/resource-spec.js';
import { API, bundleWith, SLUG, useTestHosts } from './bundle.js';
import { useNock } from '../../packages/toolkit/test/support/nock.js';
import { performAsProduction } from './production-input.js';

const TYPED: readonly AttributeKind[] = ['integer', 'decimal', 'boolean', 'date', 'datetime'];

/** One custom field of each kind an account can define, on every resource that has custom fields. */
const CUSTOM = [
  { name: 'budget', label: 'Budget', type: 'number', kind: 'decimal' },
  { name: 'kickoff', label: 'Kickoff', type: 'date', kind: 'date' },
  { name: 'region', label: 'Region', type: 'text', kind: 'string' },
] as const;

const definitions = {
  data: CUSTOM.map(({ name, label, type }, index) => ({
    id: String(3900 + index),
    type: 'project-variables',
    attributes: { name, label, 'variable-type': type, active: true, required: false },
  })),
  meta: { 'record-count': CUSTOM.length, 'page-count': 1 },
};

interface TypedField {
  key: string;
  label: string;
  kind: AttributeKind;
  /** The field's default, which Zapier puts in place of an empty value. */
  default?: string;
  /** Where the value lands in the body's attributes: an attribute, or a custom field's `{ name, value }`. */
  read: (attributes: Record<string, unknown>) => unknown;
}

interface WriteStep {
  operation: { inputFields?: readonly unknown[]; perform: unknown };
}
const writeSteps = App.creates as unknown as Record<string, WriteStep>;
const specs = Object.values(catalog) as readonly ResourceSpec[];

const staticFields = (step: WriteStep): PlainInputField[] =>
  (step.operation.inputFields ?? []).filter((entry): entry is PlainInputField => typeof entry === 'object' && entry !== null);

/** The typed attribute fields of a step, and a custom field of each kind when the step has custom fields. */
const typedFieldsOf = (step: WriteStep): TypedField[] => {
  const fields = staticFields(step);
  const attributes = specs.flatMap((spec) =>
    spec.attributes
      .filter((attribute) => attribute.writable && TYPED.includes(attribute.kind))
      .flatMap((attribute): TypedField[] => {
        const label = attributeLabel(attribute);
        const field = fields.find((candidate) => candidate.key === keyFor(attribute.name) && candidate.label === label);
        if (!field) return [];
        return [
          {
            key: field.key,
            label,
            kind: attribute.kind,
            read: (body) => body[attribute.name],
            ...(field.default ? { default: field.default } : {}),
          },
        ];
      }),
  );
  const custom = step.operation.inputFields?.some((entry) => typeof entry === 'function')
    ? CUSTOM.map(({ name, label, kind }): TypedField => ({
        key: customFieldKey(name),
        label,
        kind,
        read: (body) =>
          (body['project-variables'] as { name: string; value: unknown }[] | undefined)?.find((item) => item.name === name)?.value,
      }))
    : [];
  // Attributes of one name and label (`active`) appear in several specs: one per field key.
  return [...new Map([...attributes, ...custom].map((field) => [field.key, field])).values()];
};

/** The write steps whose key starts with one of the prefixes, each with its typed fields. */
export const stepsWithTypedFields = (...prefixes: string[]): [string, WriteStep, TypedField[]][] =>
  Object.entries(writeSteps)
    .filter(([key]) => prefixes.some((prefix) => key.startsWith(prefix)))
    .map(([key, step]): [string, WriteStep, TypedField[]] => [key, step, typedFieldsOf(step)])
    .filter(([, , fields]) => fields.length > 0);

/**
 * What a write step needs besides its typed fields, each valid: its required fields (an email as
 * one), an ID to update, a name for a custom service, a document type that needs no template
 * (whose check would find none here).
 */
const otherInput = (step: WriteStep): Record<string, string> => ({
  ...Object.fromEntries(
    staticFields(step)
      .filter((field) => field.required === true || field.key === 'id' || field.key === 'name')
      .map((field) => [
        field.key,
        field.key === 'id' || field.key.endsWith('_id')
          ? '1001'
          : field.key === 'email'
            ? 'pat@client.example'
            : 'Written by the property test',
      ]),
  ),
  ...(staticFields(step).some((field) => field.key === 'document_type') ? { document_type: 'pricing' } : {}),
});

/** Text as people type or map it into number, date and yes/no fields, and any other text. */
const typedText = fc.oneof(
  fc.constantFrom('1,500.00', '1,500', '1,5', '1500', '-3', '0', 'abc', '12 dollars', '9007199254740993', '1e3'),
  fc.constantFrom('2025-01-31', 'Jan 31, 2025', '31/31/2025', '2025-13-45', '01/02/2025', 'tomorrow', 'not a date', '1738314000'),
  fc.constantFrom('2025-01-31 is the date', '2025-01-31 09:00', '2025-01-31T09:00:00Z', 'next week', 'Janaury 31, 2025'),
  fc.constantFrom('yes', 'No', 'true', 'false', 'maybe', 'on', ' ', ''),
  fc.stringMatching(/^-?[\d,.]{1,12}$/),
  fc.string({ maxLength: 20 }),
);

const bodies: Record<string, unknown>[] = [];
let matched: Record<string, unknown> = {};

/**
 * Every write is captured and refused, so that no step reads a record back. nock hands the body
 * to a matcher (as often as it likes), and the reply, once per request, keeps the last one matched.
 */
const match = (body: nock.Body): boolean => {
  matched = (body as { data?: { attributes?: Record<string, unknown> } }).data?.attributes ?? {};
  return true;
};
const refuse = (): nock.ReplyFnResult => {
  bodies.push(matched);
  return [422, { errors: [{ status: '422', title: 'Stopped by the test', detail: 'Stopped by the test' }] }];
};
const NOTHING_FOUND = { data: [], meta: { 'record-count': 0, 'page-count': 0 }, links: {} };

const answerEveryRequest = () => {
  const api = nock(API).persist();
  api
    .get(new RegExp(`^/${SLUG}/v1/project-variables`))
    .query(true)
    .reply(200, definitions);
  // A create-or-update finds nothing, so it creates.
  api.get(/.*/).query(true).reply(200, NOTHING_FOUND);
  api.post(/.*/, match).query(true).reply(refuse);
  api.patch(/.*/, match).query(true).reply(refuse);
};

/** The property for each of the steps, one test per step. */
export const describeTypedInputs = (steps: readonly [string, WriteStep, TypedField[]][], numRuns: number): void => {
  const appTester = zapier.createAppTester(App);
  useNock();
  beforeAll(useTestHosts);

  it.each(steps)(
    '%s: each typed field carries the value read from its text, or nothing is sent and the message names it',
    async (_key, step, fields) => {
      answerEveryRequest();
      const texts = fc.record(Object.fromEntries(fields.map((field) => [field.key, typedText])));
      await fc.assert(
        fc.asyncProperty(texts, async (input) => {
          bodies.length = 0;
          const reading = readingNow('UTC');
          const expected = fields.map((field) => {
            // Zapier puts a field's default in place of an empty value (not of spaces).
            const given = input[field.key] ?? '';
            const text = given === '' && field.default ? field.default : given;
            return { field, text, read: coerceValue(field.kind, text, reading) };
          });
          const refused = expected.filter(({ text, read }) => isGiven(text) && !read.ok);
          const outcome = await performAsProduction(appTester, step, bundleWith({ ...otherInput(step), ...input })).then(
            () => new Error('the step succeeded'),
            (error: unknown) => error as Error,
          );
          if (refused.length === 0) {
            const [body = {}] = bodies;
            expect(bodies).toHaveLength(1);
            for (const { field, text, read } of expected)
              expect([field.key, field.read(body)]).toEqual([field.key, isGiven(text) && read.ok ? read.value : undefined]);
          } else {
            expect(bodies).toEqual([]);
            for (const { field, read } of refused) expect(outcome.message).toContain(`${field.label} ${read.ok ? '' : read.problem}`);
          }
        }),
        { numRuns },
      );
    },
  );
};
