/**
 * Input a user typed or mapped wrongly is refused before any request (nock allows none here),
 * with a message that names the field by its label and says what is accepted.
 */
import zapier from 'zapier-platform-core';
import createClient from '../../creates/create_client.js';
import updateClient from '../../creates/update_client.js';
import findClient from '../../searches/find_client.js';
import App from '../../src/index.js';
import { describeFailure } from 'connector-toolkit/response-errors.js';
import { bundleWith, useTestHosts } from '../support/bundle.js';
import { useNock } from '../../packages/toolkit/test/support/nock.js';
import { performOf } from '../../packages/toolkit/test/support/steps.js';
import { performAsProduction } from '../support/production-input.js';

const appTester = zapier.createAppTester(App);

useNock();
beforeAll(useTestHosts);

const messageOf = async (promise: Promise<unknown>): Promise<{ message: string; code: string }> => {
  const error = await promise.then(
    () => new Error('{"message": "expected the step to fail", "code": "none"}'),
    (caught: unknown) => (caught instanceof Error ? caught : new Error(String(caught))),
  );
  return JSON.parse(error.message) as { message: string; code: string };
};

describe('ID fields', () => {
  it('refuses a name mapped into the ID of update_client, before any request', async () => {
    const failure = await messageOf(performAsProduction(appTester, updateClient, bundleWith({ id: 'Northwind', domain: 'x.example' })));
    expect(failure).toEqual({
      code: 'ValidationError',
      message:
        'Nothing was sent to ScopeStack: Client must be a ScopeStack ID, a whole number such as 1001 (got "Northwind"). ' +
        'Pick one from the dropdown, or map the ID (not the name) from an earlier step.',
    });
  });

  it('refuses an object mapped into an ID field without printing [object Object]', async () => {
    const failure = await messageOf(performAsProduction(appTester, updateClient, bundleWith({ id: { id: 12 }, domain: 'x.example' })));
    expect(failure.message).toContain('Client must be a ScopeStack ID, a whole number such as 1001 (got an object).');
  });

  it('accepts an ID with the spaces a mapped value may carry', async () => {
    const failure = await messageOf(performAsProduction(appTester, updateClient, bundleWith({ id: ' 1001 ' })));
    expect(failure.message).toBe('Nothing was sent to ScopeStack: Fill in at least one field to change on the client.');
  });

  it('never blames the account when an update finds no record', () => {
    const failure = describeFailure('ScopeStack', {
      method: 'PATCH',
      url: 'https://api.example/acme/v1/clients/Northwind',
      status: 404,
      errors: [],
      isHtml: false,
    });
    expect(failure.message).toBe(
      'ScopeStack could not find client Northwind (404). Check the ID, and that the connected account is the one that holds it.',
    );
  });
});

describe('text fields', () => {
  it.each(['   ', '\t\n'])('counts a name of only spaces (%j) as missing', async (name) => {
    const failure = await messageOf(performAsProduction(appTester, createClient, bundleWith({ name })));
    expect(failure).toEqual({ code: 'ValidationError', message: 'Nothing was sent to ScopeStack: Name is required.' });
  });

  it('refuses an object mapped where text is expected', async () => {
    const failure = await messageOf(performAsProduction(appTester, createClient, bundleWith({ name: { first: 'Acme' } })));
    expect(failure.message).toBe(
      'Nothing was sent to ScopeStack: Name must be a single value, not a list or an object (map one field of it instead) (got an object).',
    );
  });

  it('refuses an object mapped into a search field', async () => {
    const failure = await messageOf(appTester(performOf(findClient), bundleWith({ name: ['Acme', 'Contoso'] })));
    expect(failure.message).toBe('Nothing was searched: Name must be one value, not a list or an object (map one field of it instead).');
  });

  it('treats a search value of only spaces as not given', async () => {
    const failure = await messageOf(appTester(performOf(findClient), bundleWith({ name: '  ' })));
    expect(failure.message).toBe('Enter Name or Domain to find client by.');
  });
});
