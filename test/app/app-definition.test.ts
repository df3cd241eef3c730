import App from '../../src/index.js';

interface Step {
  key: string;
  noun: string;
  display: { label: string; description: string; hidden?: boolean };
  operation: Record<string, unknown>;
}
interface Field {
  key: string;
  label?: string;
  dynamic?: string;
  required?: boolean;
}

const triggers = Object.values(App.triggers) as unknown as Step[];
const searches = Object.values(App.searches) as unknown as Step[];
const creates = Object.values(App.creates) as unknown as Step[];
const steps = [...triggers, ...searches, ...creates];
const visible = steps.filter((step) => !step.display.hidden);
const isTitleCase = (label: string) =>
  label.split(' ').every((word) => /^[A-Z0-9(]/.test(word) || ['or', 'and', 'of', 'a', 'an', 'the'].includes(word));

describe('app definition', () => {
  it.each(steps.map((step) => [step.key, step]))('%s has a valid key and a Title Case label', (_key, step) => {
    expect(step.key).toMatch(/^[a-zA-Z][a-zA-Z0-9_]*$/);
    expect(isTitleCase(step.display.label)).toBe(true);
  });

  it.each(triggers.filter((step) => !step.display.hidden).map((step) => [step.key, step]))(
    'trigger %s says "Triggers when…"',
    (_key, step) => {
      expect(step.display.description).toMatch(/^Triggers when .+\.$/);
    },
  );
  it.each(searches.map((step) => [step.key, step]))('search %s says "Finds…"', (_key, step) => {
    expect(step.display.description).toMatch(/^Finds .+\.$/);
  });
  it.each(creates.map((step) => [step.key, step]))('create %s says what it does', (_key, step) => {
    expect(step.display.description).toMatch(/^(Creates|Updates|Adds|Generates|Sends) .+\.$/);
  });

  it.each(visible.map((step) => [step.key, step]))('%s has a sample whose every key is a labelled output field', (_key, step) => {
    const sample = step.operation['sample'] as Record<string, unknown>;
    const outputs = step.operation['outputFields'] as Field[];
    expect(sample).toBeDefined();
    const labelled = new Set(outputs.filter((field) => field.label).map((field) => field.key));
    // Lists of objects (custom fields, included contacts) are labelled per item key: `contacts[]email`.
    const expected = Object.entries(sample).flatMap(([key, value]) => {
      const first: unknown = Array.isArray(value) ? value[0] : undefined;
      return typeof first === 'object' && first !== null ? Object.keys(first).map((child) => `${key}[]${child}`) : [key];
    });
    expect(expected.filter((key) => !labelled.has(key))).toEqual([]);
  });

  it('points every dynamic dropdown at a hidden trigger that exists', () => {
    const fields = steps.flatMap((step) => (step.operation['inputFields'] as Field[] | undefined) ?? []);
    for (const field of fields.filter((candidate) => candidate.dynamic)) {
      const [triggerKey, idKey, labelKey] = String(field.dynamic).split('.');
      const trigger = triggers.find((candidate) => candidate.key === triggerKey);
      expect(trigger?.display.hidden).toBe(true);
      expect(Object.keys(trigger?.operation['sample'] as object)).toEqual([idKey, labelKey]);
    }
  });

  it('pairs each search-or-create with a real search and create', () => {
    for (const pair of Object.values(App.searchOrCreates ?? {})) {
      expect(searches.map((step) => step.key)).toContain(pair.search);
      expect(creates.map((step) => step.key)).toContain(pair.create);
    }
  });

  it('holds no secret-looking value in any sample', () => {
    expect(JSON.stringify(visible.map((step) => step.operation['sample']))).not.toMatch(/token|secret|password|Bearer/i);
  });
});
