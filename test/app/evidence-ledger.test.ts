/**
 * Every filter, sort, include and written field the catalog and its steps can send is in the
 * evidence ledger (src/scopestack/evidence.ts), confirmed by public client code or marked as a
 * guess with its risk. A new element fails here until its evidence is written down.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as catalog from '../../src/scopestack/catalog/index.js';
import { evidenceOf, LEDGER } from '../../src/scopestack/evidence.js';
import type { ResourceSpec } from 'connector-toolkit/resource-spec.js';

const specs = Object.values(catalog) as readonly ResourceSpec[];

const queryElements = (spec: ResourceSpec): string[] => [
  ...(spec.filters ?? []).map((filter) => filter.param),
  ...Object.entries({ ...spec.searchParams, ...spec.dropdownParams }).map(([param, value]) => `${param}=${value}`),
  ...(spec.searchEach?.values ?? []).map((value) => `${spec.searchEach?.param ?? ''}=${value}`),
  ...(spec.newestFirst ? [`sort=${spec.newestFirst}`] : []),
  ...(spec.include ?? []).map((name) => `include=${name}`),
];

const writeElements = (spec: ResourceSpec): string[] => [
  ...spec.attributes.filter((attribute) => attribute.writable).map((attribute) => `write ${attribute.name}`),
  ...spec.relationships.filter((relationship) => relationship.writable).map((relationship) => `write ${relationship.name}`),
  ...(spec.customFields ? [`write ${spec.customFields.attribute}`] : []),
];

/** What the step files add to their resource's requests: a filter or sort of their own, a dropdown's sort, a fixed attribute, extra includes. */
const stepElements = (): [string, string[]][] =>
  ['triggers', 'searches', 'creates'].flatMap((folder) =>
    readdirSync(new URL(`../../${folder}/`, import.meta.url)).map((file): [string, string[]] => {
      const source = readFileSync(new URL(`../../${folder}/${file}`, import.meta.url), 'utf8');
      const specName =
        /(?:pollingTrigger|dropdownTrigger|searchStep|createStep|updateStep|upsertStep|findStep|[a-zA-Z]+Step|[a-zA-Z]+Trigger)\((\w+)/.exec(
          source,
        )?.[1] ?? '';
      const elements = [
        ...[...source.matchAll(/param: '([^']+)'/g)].map((match) => match[1] ?? ''),
        ...[...source.matchAll(/sort: '([^']+)'/g)].map((match) => `sort=${match[1] ?? ''}`),
        ...[...source.matchAll(/fixed: \{ '([a-z-]+)'/g)].map((match) => `write ${match[1] ?? ''}`),
        ...[...source.matchAll(/include: \[[^\]]*\]/g)].flatMap((match) =>
          [...match[0].matchAll(/'([a-z-]+)'/g)].map((name) => `include=${name[1] ?? ''}`),
        ),
      ];
      return [specName, elements];
    }),
  );

describe('the evidence ledger', () => {
  it.each(specs.map((spec) => [spec.type, spec] as const))('knows every element %s requests can carry', (type, spec) => {
    const unknown = [...queryElements(spec), ...writeElements(spec)].filter((element) => !evidenceOf(type, element));
    // Custom field definitions are read from their own type.
    const definitions = spec.customFields;
    const customParams = Object.keys(definitions?.params ?? {}).filter(
      (param) => definitions && !evidenceOf(definitions.definitions.type, param),
    );
    expect([...unknown, ...customParams]).toEqual([]);
  });

  it('knows what each step adds to its resource', () => {
    const byName = new Map(Object.entries(catalog as Record<string, ResourceSpec>));
    const unknown = stepElements().flatMap(([specName, elements]) => {
      const spec = byName.get(specName);
      if (!spec) return elements.length > 0 ? [`${specName}: no catalog entry`] : [];
      return elements.filter((element) => !evidenceOf(spec.type, element)).map((element) => `${spec.type} ${element}`);
    });
    expect(unknown).toEqual([]);
  });

  it('grades every guess with a risk and a reason, and cites a source for every confirmation', () => {
    for (const entries of Object.values(LEDGER)) {
      for (const evidence of Object.values(entries)) {
        if (evidence.grade === 'confirmed') expect(evidence.source).toMatch(/^(WK|CE|PWA|MU|VSA|SOW|NS)\b/);
        else expect([evidence.risk, evidence.why.length > 10]).toEqual([expect.stringMatching(/^(low|med|high)$/), true]);
      }
    }
  });

  it('leaves no high-risk guess in a filter or sort without the fallback that reads again without it', () => {
    const highRiskQueries = Object.entries(LEDGER).flatMap(([type, entries]) =>
      Object.entries(entries)
        .filter(([element, evidence]) => evidence.grade === 'guess' && evidence.risk === 'high' && /^(filter\[|sort=)/.test(element))
        .map(([element]) => `${type} ${element}`),
    );
    // Each is refused by the strict sandbox, and the end-to-end tests show the steps working through the fallback.
    expect(highRiskQueries.sort()).toEqual(['presales-engineers filter[active]', 'project-documents filter[status]']);
  });
});
