/**
 * Zapier's integration checks that can be judged from the app definition alone, applied to every
 * step and field. Zapier runs its checks on its own servers (`zapier-platform validate`, promote);
 * these run here, one test per step or field, so a failure names the step and field and lists
 * what is wrong. Field names follow zapier-platform-schema 19 (PlainInputFieldSchema,
 * PlainOutputFieldSchema, AuthFieldSchema, SearchOrCreateSchema, RefResourceSchema).
 *
 * Not judged here: fields that functions in `inputFields`/`outputFields` add at run time
 * (custom fields), and anything Zapier decides by running a step (live samples, test calls).
 */

type Kind = 'trigger' | 'search' | 'create';
/** A function in `inputFields`/`outputFields`: dynamic fields, not judged here. */
type FieldFunction = (...args: never[]) => unknown;

interface Field {
  key: string;
  label?: string;
  helpText?: string;
  type?: string;
  required?: boolean;
  primary?: boolean;
  list?: boolean;
  dict?: boolean;
  default?: string;
  placeholder?: string;
  dynamic?: string;
  search?: string;
  choices?: unknown;
  children?: Field[];
  altersDynamicFields?: boolean;
  meta?: Record<string, unknown>;
}
interface Step {
  key: string;
  noun?: string;
  display: { label: string; description?: string; hidden?: boolean };
  operation: {
    type?: string;
    sample?: Record<string, unknown>;
    inputFields?: (Field | FieldFunction)[];
    outputFields?: (Field | FieldFunction)[];
  };
}
interface Located {
  kind: Kind;
  /** The key the app registers the step under (`App.triggers[registeredAs]`). */
  registeredAs: string;
  step: Step;
}
interface InputRow {
  located: Located;
  field: Field;
  /** The line-item field this one is a child of. */
  parent?: Field;
}
interface SearchOrCreate {
  key: string;
  display: { label: string; description?: string; hidden?: boolean };
  search: string;
  create: string;
}
interface Authentication {
  type: string;
  fields?: (Field | FieldFunction)[];
  test?: unknown;
  connectionLabel?: unknown;
}

// ----------------------------------------------------------------------------------------------
// Rules
// ----------------------------------------------------------------------------------------------

const KEY = /^[a-zA-Z][a-zA-Z0-9_]*$/;
/** Output keys are Zapier's flattened notation: `contacts[]email` for lists of objects, `a__b` for objects. */
const OUTPUT_KEY = /^[a-zA-Z][a-zA-Z0-9_]*(\[\][a-zA-Z][a-zA-Z0-9_]*)?$/;
const SMALL_WORDS = new Set(['or', 'and', 'of', 'a', 'an', 'the', 'to', 'for', 'in', 'on', 'by', 'with']);
/** Acronyms a label must write in capitals (`ID`, not `Id`; `IDs` for the plural). */
const ACRONYMS = new Set(['ID', 'MSA', 'CRM', 'SOW', 'URL', 'API', 'HTTP', 'HTTPS']);
const DESCRIPTION_START: Record<Kind, RegExp> = {
  trigger: /^Triggers when \S/,
  search: /^Finds \S/,
  create: /^(Creates|Updates|Adds|Generates|Sends|Deletes) \S/,
};
/** An input the step needs a dropdown for: `id`, `*_id`, `*_ids`. */
const ID_KEY = /(^id$|_ids?$)/;
const SECRET_KEY = /password|secret|token|api_?key/i;
const SECRET_VALUE = /token|secret|password|Bearer/i;
/** Sample keys that hold a date or a date-time. */
const DATE_KEY = /(_at|_date|_on)$/;
/** Values that look like a date, whatever the format: 2025-01-31…, 2025/1/31, 1/31/2025, Jan 31 2025, Fri, 31 Jan… */
const DATE_LIKE = [
  /^\d{4}-\d{1,2}-\d{1,2}/,
  /^\d{4}\/\d{1,2}\/\d{1,2}/,
  /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/,
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /,
  /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2},? \d{4}/,
  /^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}/,
];
const PLAIN_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ISO_DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>)]*/gi;
/** Keys the schema ignores on a line-item parent (INCOMPATIBLE_FIELD_SCHEMA_KEYS with `children`). */
const IGNORED_ON_PARENT = ['type', 'list', 'dict', 'helpText', 'placeholder', 'default'] as const;

const isStatic = (entry: Field | FieldFunction): entry is Field => typeof entry !== 'function';
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The words of a label that break Title Case; words in parentheses are free. */
const titleCaseProblems = (label: string): string[] =>
  label
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '')
    .flatMap((word, index) => {
      const core = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (core === '') return [];
      if (index > 0 && SMALL_WORDS.has(core)) return [];
      if (!/^[\p{Lu}\p{N}]/u.test(core)) return [`"${core}" is not capitalised`];
      const singular = core.replace(/s$/, '');
      if (ACRONYMS.has(core.toUpperCase()) && core !== core.toUpperCase()) return [`"${core}" must be "${core.toUpperCase()}"`];
      if (singular !== core && ACRONYMS.has(singular.toUpperCase()) && singular !== singular.toUpperCase()) {
        return [`"${core}" must be "${singular.toUpperCase()}s"`];
      }
      return [];
    });

/** Problems with a label: missing, or not Title Case. */
const labelProblems = (label: string | undefined): string[] =>
  label === undefined || label.trim() === '' ? ['has no label'] : titleCaseProblems(label).map((problem) => `label "${label}": ${problem}`);

const comparable = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Help text is there and says more than the label. */
const helpTextProblems = (field: Field): string[] => {
  const help = field.helpText?.trim() ?? '';
  if (help === '') return ['has no help text'];
  const label = field.label?.trim() ?? '';
  if (comparable(help) === comparable(label)) return [`help text "${help}" only repeats the label`];
  if (help.length <= label.length) return [`help text "${help}" is no longer than the label "${label}"`];
  return [];
};

/** Static choices: an array or an object with at least one entry (or a `perform` function for dynamic choices). */
const choicesProblems = (choices: unknown): string[] => {
  if (choices === undefined) return [];
  if (Array.isArray(choices)) return choices.length > 0 ? [] : ['choices is an empty list'];
  if (isRecord(choices)) {
    if (typeof choices['perform'] === 'function') return [];
    return Object.keys(choices).length > 0 ? [] : ['choices is an empty object'];
  }
  return ['choices is neither a list nor an object'];
};

/**
 * The keys Zapier shows for a sample: `contacts[]email` for each key of a list of objects,
 * `address__city` for each key of an object, the key itself otherwise.
 */
const sampleKeys = (sample: Record<string, unknown>, prefix = ''): string[] =>
  Object.entries(sample).flatMap(([key, value]) => {
    const path = `${prefix}${key}`;
    if (Array.isArray(value)) {
      const items = value.filter(isRecord);
      return items.length > 0 ? [...new Set(items.flatMap((item) => Object.keys(item).map((child) => `${path}[]${child}`)))] : [path];
    }
    return isRecord(value) && Object.keys(value).length > 0 ? sampleKeys(value, `${path}__`) : [path];
  });

/** Every value in a sample with its path and its own key: `contacts[0].email`. */
const leavesOf = (value: unknown, path: string, key: string): { path: string; key: string; value: unknown }[] => {
  if (Array.isArray(value)) return value.flatMap((item, index) => leavesOf(item, `${path}[${index}]`, key));
  if (isRecord(value))
    return Object.entries(value).flatMap(([child, item]) => leavesOf(item, path === '' ? child : `${path}.${child}`, child));
  return [{ path, key, value }];
};

/** A date-like sample value that is not YYYY-MM-DD or an ISO-8601 date-time with a time zone. */
const dateProblems = (sample: Record<string, unknown>): string[] =>
  leavesOf(sample, '', '').flatMap(({ path, key, value }) => {
    if (value === null) return [];
    const looksLikeDate = typeof value === 'string' && DATE_LIKE.some((pattern) => pattern.test(value));
    if (!DATE_KEY.test(key) && !looksLikeDate) return [];
    if (typeof value !== 'string') return [`${path} holds ${JSON.stringify(value)}, not an ISO-8601 date`];
    if (PLAIN_DATE.test(value) && !Number.isNaN(Date.parse(value))) return [];
    if (ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) return [];
    return [`${path} holds "${value}": use YYYY-MM-DD, or YYYY-MM-DDThh:mm:ss with Z or ±hh:mm`];
  });

/** Every string in a value, with its path; functions are skipped. */
const stringsOf = (value: unknown, path: string): { path: string; text: string }[] => {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsOf(item, `${path}[${index}]`));
  if (isRecord(value)) return Object.entries(value).flatMap(([key, item]) => stringsOf(item, `${path}.${key}`));
  return [];
};

/** What `checkPublishing` reads of an app definition. */
interface AppDefinition {
  triggers?: object;
  searches?: object;
  creates?: object;
  searchOrCreates?: object;
  authentication?: unknown;
}

/** Zapier's publishing rules, as jest tests over every step and field of `App`. */
export const checkPublishing = (App: AppDefinition): void => {
  // ----------------------------------------------------------------------------------------------
  // The app, as tables
  // ----------------------------------------------------------------------------------------------

  const locate = (kind: Kind, registry: object | undefined): Located[] =>
    Object.entries((registry ?? {}) as Record<string, Step>).map(([registeredAs, step]) => ({ kind, registeredAs, step }));

  const triggers = locate('trigger', App.triggers);
  const searches = locate('search', App.searches);
  const creates = locate('create', App.creates);
  const steps = [...triggers, ...searches, ...creates];
  const visible = steps.filter(({ step }) => step.display.hidden !== true);
  const hiddenTriggers = triggers.filter(({ step }) => step.display.hidden === true);
  const withSample = steps.filter(({ step }) => step.operation.sample !== undefined);
  const searchOrCreates = Object.values((App.searchOrCreates ?? {}) as Record<string, SearchOrCreate>);
  const authentication = App.authentication as Authentication | undefined;

  const nameOf = ({ kind, step }: Located) => `${kind} ${step.key}`;
  const staticInputs = (located: Located) => (located.step.operation.inputFields ?? []).filter(isStatic);
  const staticOutputs = (located: Located) => (located.step.operation.outputFields ?? []).filter(isStatic);
  const sampleOf = (located: Located | undefined): Record<string, unknown> => located?.step.operation.sample ?? {};

  const inputRows: InputRow[] = steps.flatMap((located) =>
    staticInputs(located).flatMap((field) => [
      { located, field },
      ...(field.children ?? []).map((child) => ({ located, field: child, parent: field })),
    ]),
  );
  const inputName = ({ located, field, parent }: InputRow) =>
    `${nameOf(located)} › ${parent === undefined ? '' : `${parent.key} › `}${field.key}`;
  const isLineItemParent = (field: Field) => field.children !== undefined;

  const outputRows = steps.flatMap((located) => staticOutputs(located).map((field) => ({ located, field })));

  /** `trigger.id.label` / `trigger.id.first,last` split into its parts. */
  const parseReference = (reference: string) => {
    const [stepKey = '', idKey = '', labels] = reference.split('.');
    return { stepKey, idKey, labelKeys: labels === undefined ? [] : labels.split(',') };
  };
  /** Every static `dynamic` reference in the app, with the step and field that make it. */
  const dynamicReferences = inputRows.flatMap((row) =>
    row.field.dynamic === undefined ? [] : [{ row, ...parseReference(row.field.dynamic) }],
  );

  const rows = <T>(items: T[], name: (item: T) => string): [string, T][] => items.map((item) => [name(item), item]);

  // ----------------------------------------------------------------------------------------------
  // Checks
  // ----------------------------------------------------------------------------------------------

  describe('steps', () => {
    it.each(rows(steps, nameOf))('%s: key, Title Case label and noun', (_name, { registeredAs, step }) => {
      const problems = [
        ...(KEY.test(step.key) ? [] : [`key "${step.key}" does not match ${String(KEY)}`]),
        ...(registeredAs === step.key ? [] : [`is registered as "${registeredAs}"`]),
        ...labelProblems(step.display.label),
        ...(step.noun === undefined || step.noun.trim() === ''
          ? ['has no noun']
          : titleCaseProblems(step.noun).map((problem) => `noun: ${problem}`)),
      ];
      expect(problems).toEqual([]);
    });

    it.each(rows(visible, nameOf))('%s: description says what the step does', (_name, { kind, step }) => {
      const description = step.display.description ?? '';
      const problems = [
        ...(DESCRIPTION_START[kind].test(description) ? [] : [`"${description}" does not start as ${String(DESCRIPTION_START[kind])}`]),
        ...(description.endsWith('.') ? [] : [`"${description}" does not end with "."`]),
      ];
      expect(problems).toEqual([]);
    });

    it.each(rows(steps, nameOf))('%s: description is more than the label', (_name, { step }) => {
      const description = step.display.description ?? '';
      if (step.display.hidden === true && description === '') return;
      expect(comparable(description)).not.toBe(comparable(step.display.label));
      expect(description.length).toBeGreaterThan(step.display.label.length);
    });

    it.each(rows(visible, nameOf))('%s: has a static sample', (_name, { step }) => {
      const sample = step.operation.sample;
      expect(isRecord(sample) && Object.keys(sample).length > 0).toBe(true);
    });

    it.each(rows(withSample, nameOf))('%s: every sample key is a labelled output field', (_name, located) => {
      const labelled = new Set(
        staticOutputs(located)
          .filter((field) => (field.label ?? '') !== '')
          .map((field) => field.key),
      );
      expect(sampleKeys(sampleOf(located)).filter((key) => !labelled.has(key))).toEqual([]);
    });

    it.each(rows(withSample, nameOf))('%s: every required or primary output field is in the sample', (_name, located) => {
      const present = new Set(sampleKeys(sampleOf(located)));
      const missing = staticOutputs(located).filter(
        (field) => (field.required === true || field.primary === true) && !present.has(field.key),
      );
      expect(missing.map((field) => field.key)).toEqual([]);
    });

    it.each(rows(withSample, nameOf))('%s: dates in the sample are ISO-8601', (_name, located) => {
      expect(dateProblems(sampleOf(located))).toEqual([]);
    });

    it.each(rows(withSample, nameOf))('%s: sample holds nothing secret-looking', (_name, located) => {
      const leaves = leavesOf(sampleOf(located), '', '');
      const secret = leaves.filter(({ key, value }) => SECRET_VALUE.test(key) || (typeof value === 'string' && SECRET_VALUE.test(value)));
      expect(secret.map(({ path }) => path)).toEqual([]);
    });

    it.each(rows(outputRows, ({ located, field }) => `${nameOf(located)} › ${field.key}`))(
      '%s: output field has a valid key and a Title Case label',
      (_name, { field }) => {
        const problems = [
          ...(OUTPUT_KEY.test(field.key) ? [] : [`key "${field.key}" does not match ${String(OUTPUT_KEY)}`]),
          ...labelProblems(field.label),
        ];
        expect(problems).toEqual([]);
      },
    );

    it.each(rows(steps, nameOf))('%s: no two static fields share a key', (_name, located) => {
      const duplicates = (fields: Field[]) => fields.map((field) => field.key).filter((key, index, keys) => keys.indexOf(key) !== index);
      expect({ input: duplicates(staticInputs(located)), output: duplicates(staticOutputs(located)) }).toEqual({ input: [], output: [] });
    });

    it.each(rows(searches, nameOf))('%s: has at least one static input field', (_name, located) => {
      expect(staticInputs(located).length).toBeGreaterThan(0);
    });

    it.each(rows(creates, nameOf))('%s: has static input fields', (_name, located) => {
      expect(staticInputs(located).length).toBeGreaterThan(0);
    });
  });

  describe('dropdown triggers', () => {
    it.each(rows(hiddenTriggers, nameOf))('%s: sample holds exactly the ID and the label its dropdowns use', (_name, located) => {
      const references = dynamicReferences.filter((reference) => reference.stepKey === located.step.key);
      const keys = Object.keys(sampleOf(located)).sort();
      // A dropdown trigger no static field uses yet must at least give an ID.
      if (references.length === 0) expect(keys).toContain('id');
      else expect(keys).toEqual([...new Set(references.flatMap(({ idKey, labelKeys }) => [idKey, ...labelKeys]))].sort());
    });
  });

  describe('input fields', () => {
    const allRows = rows(inputRows, inputName);
    const notParents = rows(
      inputRows.filter(({ field }) => !isLineItemParent(field)),
      inputName,
    );

    it.each(allRows)('%s: key and Title Case label', (_name, { field }) => {
      const problems = [
        ...(KEY.test(field.key) ? [] : [`key "${field.key}" does not match ${String(KEY)}`]),
        ...labelProblems(field.label),
      ];
      expect(problems).toEqual([]);
    });

    it.each(notParents)('%s: help text says more than the label', (_name, { field }) => {
      expect(helpTextProblems(field)).toEqual([]);
    });

    it.each(allRows)('%s: choices, when given, are not empty and not beside a dropdown', (_name, { field }) => {
      const problems = [
        ...choicesProblems(field.choices),
        ...(field.choices !== undefined && field.dynamic !== undefined ? ['has both choices and dynamic (choices are ignored)'] : []),
      ];
      expect(problems).toEqual([]);
    });

    // jest refuses an empty table: an app without line items has nothing to check here.
    const lineItemParents = inputRows.filter(({ field }) => isLineItemParent(field));
    if (lineItemParents.length > 0) {
      it.each(rows(lineItemParents, inputName))(
        '%s: line-item parent sets nothing the schema ignores beside children',
        (_name, { field }) => {
          expect(field.children?.length).toBeGreaterThan(0);
          expect(IGNORED_ON_PARENT.filter((key) => field[key] !== undefined)).toEqual([]);
        },
      );
    }

    it.each(allRows)('%s: key does not look like a secret', (_name, { field }) => {
      expect(SECRET_KEY.test(field.key) || field.type === 'password').toBe(false);
    });

    const needsDropdown = ({ located, field }: InputRow) =>
      ID_KEY.test(field.key) &&
      !(located.kind === 'trigger' && located.step.display.hidden === true) &&
      // A search's own ID input finds by ID; it is typed or mapped, not picked.
      !(located.kind === 'search' && field.key === 'id') &&
      // Poll inputs (filters of a polling trigger) are sent as query parameters, not picked.
      !(located.kind === 'trigger' && located.step.operation.type === 'polling') &&
      // Another system's ID (a CRM's deal ID), which ScopeStack cannot list.
      field.meta?.['externalId'] !== true;
    it.each(rows(inputRows.filter(needsDropdown), inputName))('%s: ID field has a dynamic dropdown', (_name, { field }) => {
      expect(field.dynamic).toEqual(expect.any(String));
    });

    it.each(
      rows(
        inputRows.filter(({ field }) => field.meta?.['externalId'] === true),
        inputName,
      ),
    )("%s: another system's ID says so in its help", (_name, { field }) => {
      expect(field.helpText).toMatch(/in your CRM|in the CRM/);
    });

    it.each(dynamicReferences.map((reference) => [inputName(reference.row), reference.row.field.dynamic ?? '', reference] as const))(
      '%s: dynamic "%s" points at a hidden trigger whose sample has those keys',
      (_name, _reference, { stepKey, idKey, labelKeys }) => {
        const trigger = triggers.find(({ step }) => step.key === stepKey);
        const sample = sampleOf(trigger);
        const problems = [
          ...(trigger === undefined ? [`there is no trigger "${stepKey}"`] : []),
          ...(trigger !== undefined && trigger.step.display.hidden !== true ? [`trigger "${stepKey}" is not hidden`] : []),
          ...(labelKeys.length === 0 ? ['names no label key (trigger.id.label)'] : []),
          ...[idKey, ...labelKeys].filter((key) => !(key in sample)).map((key) => `the sample of "${stepKey}" has no "${key}"`),
        ];
        expect(problems).toEqual([]);
      },
    );

    const searchRows = inputRows.filter(({ field }) => field.search !== undefined);
    it.each(searchRows.map((row) => [inputName(row), row.field.search ?? '', row] as const))(
      '%s: search "%s" points at a search, beside a dropdown, on a string field',
      (_name, reference, { field }) => {
        const { stepKey, idKey } = parseReference(reference);
        const search = searches.find(({ step }) => step.key === stepKey);
        const dropdown = triggers.find(({ step }) => step.key === parseReference(field.dynamic ?? '').stepKey);
        const problems = [
          ...(search === undefined ? [`there is no search "${stepKey}"`] : []),
          ...(search !== undefined && !(idKey in sampleOf(search)) ? [`the sample of "${stepKey}" has no "${idKey}"`] : []),
          ...(field.dynamic === undefined ? ['has no dynamic dropdown'] : []),
          ...(field.type === 'string' ? [] : [`is of type ${String(field.type)}, not string`]),
          ...(search !== undefined && dropdown !== undefined && search.step.noun !== dropdown.step.noun
            ? [`the search finds a ${String(search.step.noun)} but the dropdown lists a ${String(dropdown.step.noun)}`]
            : []),
        ];
        expect(problems).toEqual([]);
      },
    );
  });

  describe('search-or-create', () => {
    it.each(rows(searchOrCreates, (pair) => pair.key))('%s: pairs a search and a create as "Find or Create X"', (_name, pair) => {
      const search = searches.find(({ step }) => step.key === pair.search);
      const create = creates.find(({ step }) => step.key === pair.create);
      const problems = [
        ...(search === undefined ? [`there is no search "${pair.search}"`] : []),
        ...(create === undefined ? [`there is no create "${pair.create}"`] : []),
        ...(pair.key === pair.search ? [] : [`key "${pair.key}" is not the search key "${pair.search}"`]),
        ...(/^Find or Create \S/.test(pair.display.label) ? [] : [`label "${pair.display.label}" is not "Find or Create X"`]),
        ...(search !== undefined && pair.display.label !== `Find or Create ${String(search.step.noun)}`
          ? [`label "${pair.display.label}" does not name the search's noun "${String(search.step.noun)}"`]
          : []),
        ...(search !== undefined && create !== undefined && search.step.noun !== create.step.noun
          ? [`the search's noun "${String(search.step.noun)}" is not the create's "${String(create.step.noun)}"`]
          : []),
      ];
      expect(problems).toEqual([]);
    });
  });

  describe('authentication', () => {
    const fields = (authentication?.fields ?? []).filter(isStatic);

    it('has a connection test and a connection label', () => {
      expect(authentication).toBeDefined();
      expect(authentication?.test).toEqual(expect.anything());
      const label = authentication?.connectionLabel;
      expect(typeof label === 'function' || (typeof label === 'string' && label.trim() !== '') || isRecord(label)).toBe(true);
    });

    it.each(rows(fields, (field) => field.key))('field %s: key, Title Case label, help text and choices', (_name, field) => {
      const problems = [
        ...(KEY.test(field.key) ? [] : [`key "${field.key}" does not match ${String(KEY)}`]),
        ...labelProblems(field.label),
        ...helpTextProblems(field),
        ...choicesProblems(field.choices),
      ];
      expect(problems).toEqual([]);
    });
  });

  describe('URLs', () => {
    it('every URL in the app definition (samples, help text, descriptions, choices) is https', () => {
      const insecure = stringsOf(App, 'App').flatMap(({ path, text }) =>
        [...text.matchAll(URL_IN_TEXT)].filter(([url]) => !url.toLowerCase().startsWith('https://')).map(([url]) => `${path}: ${url}`),
      );
      expect(insecure).toEqual([]);
    });
  });
};
