/**
 * The fields an account's custom fields add to a step when Zapier loads it (one request for the
 * definitions, a field per definition, required on a create only where the account requires it),
 * and an update that changes only custom values.
 */
import nock from 'nock';
import { readFileSync } from 'node:fs';
import zapier from 'zapier-platform-core';
import createProject from '../../creates/create_project.js';
import updateProject from '../../creates/update_project.js';
import upsertProject from '../../creates/upsert_project.js';
import findProject from '../../searches/find_project.js';
import App from '../../src/index.js';
import { API, bundleWith, SLUG, useTestHosts } from '../support/bundle.js';
import { useNock } from '../../packages/toolkit/test/support/nock.js';
import type { Perform } from '../../packages/toolkit/test/support/steps.js';
import { performAsProduction } from '../support/production-input.js';

const appTester = zapier.createAppTester(App);

interface Field {
  key: string;
  label?: string;
  required?: boolean;
}
/** The one function in a field list: the fields the definitions add. */
const dynamicOf = (fields: readonly unknown[] | undefined): Perform<Field[]> => {
  const [only, ...others] = (fields ?? []).filter((field): field is Perform<Field[]> => typeof field === 'function');
  expect(others).toEqual([]);
  if (!only) throw new Error('The step has no custom fields.');
  return only;
};

const definition = (id: string, name: string, label: string, type: string, required: boolean) => ({
  id,
  type: 'project-variables',
  attributes: { name, label, 'variable-type': type, 'variable-context': 'project', required, active: true },
});

/** A required text field, an optional number field, and a type no step can fill (skipped). */
const DEFINITIONS = {
  data: [
    definition('3901', 'region', 'Region', 'text', true),
    definition('3902', 'budget', 'Budget', 'number', false),
    definition('3903', 'contract', 'Contract', 'file', false),
  ],
  meta: { 'record-count': 3 },
  links: {},
};

const definitionsRequested = () =>
  nock(API)
    .get(`/${SLUG}/v1/project-variables`)
    .query({ 'filter[variable-context]': 'project', 'filter[active]': 'true', 'page[number]': '1', 'page[size]': '100' })
    .once()
    .reply(200, DEFINITIONS);

const loaded = async (fields: readonly unknown[] | undefined): Promise<Field[]> => {
  const scope = definitionsRequested();
  const result = await appTester(dynamicOf(fields), bundleWith());
  expect(scope.isDone()).toBe(true);
  return result;
};

const requiredByKey = (fields: Field[]) => fields.map(({ key, label, required }) => [key, label, required]);

useNock();
beforeAll(useTestHosts);

describe('custom fields as step inputs', () => {
  it('are required on a create only where the account requires them', async () => {
    expect(requiredByKey(await loaded(createProject.operation.inputFields))).toEqual([
      ['custom_region', 'Region', true],
      ['custom_budget', 'Budget', false],
    ]);
  });

  it('are required on a create-or-update where the account requires them, as it may create', async () => {
    expect(requiredByKey(await loaded(upsertProject.operation.inputFields))).toEqual([
      ['custom_region', 'Region', true],
      ['custom_budget', 'Budget', false],
    ]);
  });

  it('are never required on an update, which changes only what is filled in', async () => {
    expect(requiredByKey(await loaded(updateProject.operation.inputFields))).toEqual([
      ['custom_region', 'Region', false],
      ['custom_budget', 'Budget', false],
    ]);
  });
});

describe('custom fields as step outputs', () => {
  it('are labelled by their definitions on creates, updates and searches', async () => {
    for (const step of [createProject, updateProject, upsertProject, findProject]) {
      const outputs = await loaded(step.operation.outputFields);
      expect(outputs.map(({ key, label }) => [key, label])).toEqual([
        ['custom_region', 'Region'],
        ['custom_budget', 'Budget'],
      ]);
    }
  });
});

describe('an update of custom fields only', () => {
  it('reads the definitions, then patches only the custom values', async () => {
    const one: unknown = JSON.parse(readFileSync(new URL('../fixtures/projects/one.json', import.meta.url), 'utf8'));
    // The Zap editor read the definitions when the step was set up; the step reads them again.
    const setUp = definitionsRequested();
    const scope = definitionsRequested()
      .patch(`/${SLUG}/v1/projects/90425`, {
        data: { type: 'projects', id: '90425', attributes: { 'project-variables': [{ name: 'budget', value: '900' }] } },
      })
      .query({ include: 'client,sales-executive,presales-engineer,rate-table,payment-term,business-unit,crm-opportunity' })
      .once()
      .reply(200, one as nock.Body);
    const record = await performAsProduction(appTester, updateProject, bundleWith({ id: '90425', project_name: '', custom_budget: '900' }));
    expect(setUp.isDone()).toBe(true);
    expect(scope.isDone()).toBe(true);
    expect(record).toMatchObject({ id: '90425' });
  });
});
