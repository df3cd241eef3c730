import fc from 'fast-check';
import { apiNameFor, keyFor, labelFor } from 'connector-toolkit/field-names.js';
import { customFieldKey } from 'connector-toolkit/fields.js';

/** Zapier's rule for a field key. */
const ZAPIER_KEY = /^[a-zA-Z][a-zA-Z0-9_]*$/;

/**
 * API member names as JSON:API services spell them: lowercase letters and digits, words joined
 * by single hyphens, starting with a letter (`msa-date`, `line-item-2`, `sku`). Words come from a
 * small vocabulary (with the acronyms) as well as at random, so that near twins meet often.
 */
const word = fc.oneof(
  fc.constantFrom('id', 'ids', 'url', 'api', 'pdf', 'sku', 'crm', 'msa', 'sow', 'lob', 'uuid', 'name', 'a', 'b', '2', 'x1'),
  fc.stringMatching(/^[a-z0-9]{1,8}$/),
);
const apiName = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/), fc.array(word, { maxLength: 4 }))
  .map(([first, rest]) => [first, ...rest].join('-'));

const ACRONYM_FORMS = new Set(['ID', 'IDs', 'URL', 'API', 'PDF', 'SKU', 'CRM', 'MSA', 'SOW', 'LOB', 'UUID']);

const RUNS = { numRuns: 300 };

describe('field keys and labels (property)', () => {
  it('the generator makes only names of the stated shape', () => {
    fc.assert(
      fc.property(apiName, (name: string) => {
        expect(name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      }),
      RUNS,
    );
  });

  it("keyFor gives a key Zapier accepts, and apiNameFor turns it back into the API's name", () => {
    fc.assert(
      fc.property(apiName, (name: string) => {
        const key = keyFor(name);
        expect(key).toMatch(ZAPIER_KEY);
        expect(apiNameFor(key)).toBe(name);
      }),
      RUNS,
    );
  });

  it('no two distinct API names share a key (keyFor is injective)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(apiName, { minLength: 2, maxLength: 30 }), (names: string[]) => {
        expect(new Set(names.map(keyFor)).size).toBe(names.length);
      }),
      RUNS,
    );
  });

  it('the suffixed keys of relationships stay Zapier keys (`<key>_id`, `<key>_ids`, `<key>_name`)', () => {
    fc.assert(
      fc.property(apiName, fc.constantFrom('_id', '_ids', '_name'), (name: string, suffix: string) => {
        expect(`${keyFor(name)}${suffix}`).toMatch(ZAPIER_KEY);
      }),
      { numRuns: 100 },
    );
  });

  it('labels are Title Case words, one per word of the name, acronyms in capitals', () => {
    fc.assert(
      fc.property(apiName, (name: string) => {
        const label = labelFor(name);
        const words = label.split(' ');
        expect(words.map((w) => w.toLowerCase())).toEqual(name.split('-'));
        for (const w of words) {
          const titled = /^[A-Z0-9][a-z0-9]*$/.test(w);
          expect(titled || ACRONYM_FORMS.has(w)).toBe(true);
        }
        // A key is labelled as its API name is.
        expect(labelFor(keyFor(name))).toBe(label);
      }),
      RUNS,
    );
  });

  it('customFieldKey gives a Zapier key for names of the stated shape, and distinct keys for distinct names', () => {
    fc.assert(
      fc.property(fc.uniqueArray(apiName, { minLength: 1, maxLength: 30 }), (names: string[]) => {
        const keys = names.map(customFieldKey);
        for (const key of keys) expect(key).toMatch(ZAPIER_KEY);
        expect(new Set(keys).size).toBe(names.length);
        // Custom keys never collide with an attribute's key unless the attribute is named `custom-…`.
        for (const [index, name] of names.entries()) expect(keys[index]).toBe(`custom_${keyFor(name)}`);
      }),
      RUNS,
    );
  });

  it('customFieldKey gives a Zapier key for any name at all (spaces, punctuation, emoji, empty)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (name: string) => {
        expect(customFieldKey(name)).toMatch(ZAPIER_KEY);
      }),
      RUNS,
    );
  });
});
