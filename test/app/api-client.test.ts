/**
 * How every step reaches the API (src/toolkit/api-client.ts), against nock: what is sent, and
 * which failures a step reports as "nothing there" and which it reports as failures.
 */
import nock from 'nock';
import zapier from 'zapier-platform-core';
import createProjectContact from '../../creates/create_project_contact.js';
import deleteCrmOpportunity from '../../creates/delete_crm_opportunity.js';
import App from '../../src/index.js';
import findClient from '../../searches/find_client.js';
import newClient from '../../triggers/new_client.js';
import { API, bundleWith, connectedAuthData, SLUG, useTestHosts } from '../support/bundle.js';
import { errorBodyOf, rejectionOf } from '../../packages/toolkit/test/support/errors.js';
import { useNock } from '../../packages/toolkit/test/support/nock.js';
import { performOf } from '../../packages/toolkit/test/support/steps.js';
import { performAsProduction } from '../support/production-input.js';

const appTester = zapier.createAppTester(App);
const serverError = { errors: [{ status: '500', title: 'Internal Server Error' }] };

useNock();
beforeAll(useTestHosts);

describe('a connection without its account', () => {
  it('asks for a reconnect and sends nothing', async () => {
    const scope = nock(API).get(/.*/).query(true).reply(200, { data: [] });
    const error = await rejectionOf(appTester(performOf(newClient), bundleWith({}, connectedAuthData({ account_slug: '' }))));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message.split('\n')[0]).toBe('This ScopeStack connection does not know its account. Reconnect it.');
    expect(scope.isDone()).toBe(false);
  });
});

describe('a 404 is "nothing there" only for a find by ID or a delete; other failures stay failures', () => {
  /** What the step with `id: 1001` reports once `scope` has answered its one request with a 500. */
  const failureOf = async (scope: nock.Scope, step: { operation: object }) => {
    const error = await rejectionOf(appTester(performOf(step), bundleWith({ id: '1001' })));
    expect(scope.isDone()).toBe(true);
    return errorBodyOf(error);
  };
  const serverFailure = (attempt: string) => ({
    code: 'ApiError',
    status: 500,
    message: `ScopeStack had a problem and could not ${attempt} (HTTP 500). ScopeStack says: Internal Server Error. Try again in a few minutes.`,
  });

  it('reports a server failure while finding by ID, instead of finding nothing', async () => {
    const scope = nock(API).get(`/${SLUG}/v1/clients/1001`).query({ include: 'rate-table,contacts' }).once().reply(500, serverError);
    expect(await failureOf(scope, findClient)).toEqual(serverFailure('read client 1001'));
  });

  it('reports a server failure while deleting, instead of saying there was nothing to delete', async () => {
    const scope = nock(API).delete(`/${SLUG}/v1/crm-opportunities/1001`).once().reply(500, serverError);
    expect(await failureOf(scope, deleteCrmOpportunity)).toEqual(serverFailure('delete crm opportunity 1001'));
  });
});

describe('a connection lost during a create', () => {
  it('says to check in ScopeStack when the record has no Find step', async () => {
    const scope = nock(API).post(`/${SLUG}/v1/project-contacts`).query({ include: 'project' }).once().replyWithError('socket hang up');
    const error = await rejectionOf(
      performAsProduction(appTester, createProjectContact, bundleWith({ project_id: '90425', name: 'Pat Example' })),
    );
    expect(scope.isDone()).toBe(true);
    expect(errorBodyOf(error).message).toBe(
      'The connection to ScopeStack failed while trying to create project contacts (socket hang up). The project contact may or may not have been created: ' +
        'check ScopeStack before running this step again, so that nothing is created twice.',
    );
  });
});
