/**
 * The parts of a project (contacts, locations, approvals) against nock: exact requests, and what
 * the user gets back or reads.
 */
import nock from 'nock';
import zapier from 'zapier-platform-core';
import createProjectContact from '../../creates/create_project_contact.js';
import createProjectLocation from '../../creates/create_project_location.js';
import updateProjectContact from '../../creates/update_project_contact.js';
import updateProjectLocation from '../../creates/update_project_location.js';
import App from '../../src/index.js';
import listProjectContacts from '../../triggers/list_project_contacts.js';
import listProjectLocations from '../../triggers/list_project_locations.js';
import newProjectApproval from '../../triggers/new_project_approval.js';
import { ACCESS_TOKEN, API, bundleWith, SLUG, useTestHosts } from '../support/bundle.js';
import { appErrorOf } from '../support/errors.js';
import { useNock } from '../support/nock.js';
import { performOf } from '../support/steps.js';
import { performAsProduction } from '../support/production-input.js';

const appTester = zapier.createAppTester(App);

type FlatRecord = { id: string } & Record<string, unknown>;
interface Field {
  key: string;
  dynamic?: string;
  search?: string;
  required?: boolean;
  altersDynamicFields?: boolean;
}

const CONTACTS = `/${SLUG}/v1/project-contacts`;
const LOCATIONS = `/${SLUG}/v1/project-locations`;
const JSON_API = 'application/vnd.api+json';

const toProject = { data: { type: 'projects', id: '90425' } };
const includedProject = { id: '90425', type: 'projects', attributes: { 'project-name': 'Cloud Migration', status: 'building' } };

/** One project contact as ScopeStack answers a GET, POST or PATCH with `include=project`. */
const contact = {
  data: {
    id: '7701',
    type: 'project-contacts',
    attributes: {
      name: 'Pat Example',
      title: 'IT Director',
      email: 'pat@client.example',
      phone: '+1 555 0100',
      'contact-type': 'primary_customer_contact',
      active: true,
      'project-variables': [{ name: 'preferred_contact_time', label: 'Preferred Contact Time', value: 'Mornings' }],
      'created-at': '2025-02-03T14:10:00Z',
      'updated-at': '2025-02-03T14:10:00Z',
    },
    relationships: { project: toProject },
  },
  included: [includedProject],
};

/** One project location, likewise. */
const location = {
  data: {
    id: '8801',
    type: 'project-locations',
    attributes: {
      name: 'Denver HQ',
      street: '1 Main St',
      street2: null,
      city: 'Denver',
      state: 'CO',
      'postal-code': '80202',
      country: 'US',
      remote: false,
      'project-variables': [{ name: 'site_code', label: 'Site Code', value: 'DEN-1' }],
      'created-at': '2025-02-03T14:12:00Z',
      'updated-at': '2025-02-03T14:12:00Z',
    },
    relationships: { project: toProject },
  },
  included: [includedProject],
};

const list = (data: unknown[], included: unknown[] = []) => ({ data, included, meta: { 'record-count': data.length, 'page-count': 1 } });

const inputFieldsOf = (step: { operation: { inputFields?: unknown } }): Field[] =>
  ((step.operation.inputFields ?? []) as unknown[]).filter((field): field is Field => typeof field === 'object' && field !== null);

useNock();
beforeAll(useTestHosts);

describe('triggers.new_project_approval', () => {
  it('asks for the newest approvals first, with their project and approver, and names the project', async () => {
    const scope = nock(API)
      .get(`/${SLUG}/v1/project-approvals`)
      .query({ include: 'project,user', sort: '-id', 'page[number]': '1', 'page[size]': '100' })
      .matchHeader('accept', JSON_API)
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .once()
      .reply(
        200,
        list(
          [
            {
              id: '5502',
              type: 'project-approvals',
              attributes: {
                status: 'approved',
                role: 'sales',
                comment: 'Margin is fine.',
                reason: null,
                'approver-name': 'Riley Approver',
                'completed-at': '2025-02-06T10:00:00Z',
                'created-at': '2025-02-05T11:00:00Z',
                'updated-at': '2025-02-06T10:00:00Z',
              },
              relationships: {
                project: toProject,
                user: { data: { type: 'users', id: '4030' } },
                'approval-step': { links: { related: `${API}/${SLUG}/v1/project-approvals/5502/approval-step` } },
              },
            },
            {
              id: '5501',
              type: 'project-approvals',
              attributes: {
                status: null,
                role: 'technical',
                comment: null,
                reason: null,
                'approver-name': null,
                'completed-at': null,
                'created-at': '2025-02-05T10:00:00Z',
                'updated-at': '2025-02-05T10:00:00Z',
              },
              relationships: { project: toProject, user: { data: null } },
            },
          ],
          [includedProject, { id: '4030', type: 'users', attributes: { name: 'Riley Approver', email: 'riley@yourfirm.example' } }],
        ),
      );
    const records = await appTester(performOf<FlatRecord[]>(newProjectApproval), bundleWith());
    expect(scope.isDone()).toBe(true);
    expect(records).toEqual([
      {
        id: '5502',
        status: 'approved',
        role: 'sales',
        comment: 'Margin is fine.',
        reason: null,
        approver_name: 'Riley Approver',
        completed_at: '2025-02-06T10:00:00Z',
        created_at: '2025-02-05T11:00:00Z',
        updated_at: '2025-02-06T10:00:00Z',
        project_id: '90425',
        project_name: 'Cloud Migration',
        user_id: '4030',
        user_name: 'Riley Approver',
      },
      {
        id: '5501',
        status: null,
        role: 'technical',
        comment: null,
        reason: null,
        approver_name: null,
        completed_at: null,
        created_at: '2025-02-05T10:00:00Z',
        updated_at: '2025-02-05T10:00:00Z',
        project_id: '90425',
        project_name: 'Cloud Migration',
        user_id: null,
      },
    ]);
  });
});

describe('triggers.list_project_contacts and triggers.list_project_locations', () => {
  it.each([
    ['list_project_contacts', listProjectContacts],
    ['list_project_locations', listProjectLocations],
  ])('%s lists nothing, and asks ScopeStack nothing, until a project is picked', async (_key, step) => {
    // nock allows no request here: one would fail the step.
    await expect(appTester(performOf(step), bundleWith())).resolves.toEqual([]);
    await expect(appTester(performOf(step), bundleWith({ project_id: '' }))).resolves.toEqual([]);
    await expect(appTester(performOf(step), bundleWith({ project_id: 'Cloud Migration' }))).resolves.toEqual([]);
  });

  it("lists the picked project's contacts by name, without related records, labelled with their email", async () => {
    // A dropdown needs no related records: no include.
    const scope = nock(API)
      .get(CONTACTS)
      .query({ sort: 'name', 'filter[project]': '90425', 'page[number]': '1', 'page[size]': '100' })
      .reply(200, list([contact.data]));
    const records = await appTester(performOf<FlatRecord[]>(listProjectContacts), bundleWith({ project_id: ' 90425 ' }));
    expect(scope.isDone()).toBe(true);
    expect(records).toEqual([
      expect.objectContaining({ id: '7701', name: 'Pat Example', project_id: '90425', label: 'Pat Example (pat@client.example)' }),
    ]);
  });

  it("lists the picked project's locations by name, without related records, labelled with their city, one page per call", async () => {
    const scope = nock(API)
      .get(LOCATIONS)
      .query({ sort: 'name', 'filter[project]': '90425', 'page[number]': '3', 'page[size]': '100' })
      .reply(200, list([location.data]));
    const records = await appTester(performOf<FlatRecord[]>(listProjectLocations), {
      ...bundleWith({ project_id: '90425' }),
      meta: { page: 2 },
    });
    expect(scope.isDone()).toBe(true);
    expect(records.map((record) => [record.id, record['label']])).toEqual([['8801', 'Denver HQ (Denver)']]);
  });
});

describe('creates.create_project_contact', () => {
  it('asks for the project first, from the projects dropdown or a search', () => {
    expect(inputFieldsOf(createProjectContact)[0]).toMatchObject({
      key: 'project_id',
      required: true,
      dynamic: 'list_projects.id.label',
      search: 'find_project.id',
    });
  });

  it('posts the contact linked to its project, without an account relationship', async () => {
    const scope = nock(API)
      .post(CONTACTS, {
        data: {
          type: 'project-contacts',
          attributes: {
            name: 'Pat Example',
            title: 'IT Director',
            email: 'pat@client.example',
            phone: '+1 555 0100',
            'contact-type': 'primary_customer_contact',
            active: true,
          },
          relationships: { project: { data: { type: 'projects', id: '90425' } } },
        },
      })
      .query({ include: 'project' })
      .matchHeader('content-type', JSON_API)
      .once()
      .reply(201, contact);
    const record = await performAsProduction(
      appTester,
      createProjectContact,
      bundleWith({
        project_id: '90425',
        name: 'Pat Example ',
        title: 'IT Director',
        email: 'pat@client.example',
        phone: '+1 555 0100',
        contact_type: 'primary_customer_contact',
        active: 'true',
      }),
    );
    expect(scope.isDone()).toBe(true);
    expect(record).toEqual({ ...createProjectContact.operation.sample, custom_preferred_contact_time: 'Mornings' });
  });

  it("reads the contacts' custom field definitions, then sends the values", async () => {
    const scope = nock(API)
      .get(`/${SLUG}/v1/project-variables`)
      .query({ 'filter[variable-context]': 'project_contact', 'filter[active]': 'true', 'page[number]': '1', 'page[size]': '100' })
      // Once when the Zap editor set the step up (it shows the custom fields), once by the step.
      .twice()
      .reply(
        200,
        list([
          {
            id: '3911',
            type: 'project-variables',
            attributes: { name: 'preferred_contact_time', label: 'Preferred Contact Time', 'variable-type': 'text', active: true },
          },
        ]),
      )
      .post(CONTACTS, {
        data: {
          type: 'project-contacts',
          attributes: { name: 'Pat Example', 'project-variables': [{ name: 'preferred_contact_time', value: 'Mornings' }] },
          relationships: { project: { data: { type: 'projects', id: '90425' } } },
        },
      })
      .query({ include: 'project' })
      .once()
      .reply(201, contact);
    await performAsProduction(
      appTester,
      createProjectContact,
      bundleWith({ project_id: '90425', name: 'Pat Example', custom_preferred_contact_time: 'Mornings' }),
    );
    expect(scope.isDone()).toBe(true);
  });

  it('names the missing Project and Name before any request', async () => {
    expect(await appErrorOf(performAsProduction(appTester, createProjectContact, bundleWith({ email: 'pat@client.example' })))).toEqual({
      code: 'ValidationError',
      message: 'Nothing was sent to ScopeStack: Project is required. Name is required.',
    });
  });

  it('refuses a contact type ScopeStack does not have before any request', async () => {
    const error = await appErrorOf(
      performAsProduction(appTester, createProjectContact, bundleWith({ project_id: '90425', name: 'Pat', contact_type: 'boss' })),
    );
    expect(error.message).toBe(
      'Nothing was sent to ScopeStack: Contact Type must be one of primary_customer_contact, customer_contact (got "boss").',
    );
  });
});

describe('creates.update_project_contact', () => {
  it('picks the project first, to list its contacts', () => {
    const [parent, id] = inputFieldsOf(updateProjectContact);
    expect(parent).toMatchObject({ key: 'project_id', required: false, altersDynamicFields: true, dynamic: 'list_projects.id.label' });
    expect(id).toMatchObject({ key: 'id', required: true, dynamic: 'list_project_contacts.id.label' });
  });

  it('patches only the filled-in fields; the project picked to find the contact is not sent', async () => {
    const scope = nock(API)
      .patch(`${CONTACTS}/7701`, {
        data: { type: 'project-contacts', id: '7701', attributes: { title: 'CIO', 'contact-type': 'customer_contact' } },
      })
      .query({ include: 'project' })
      .matchHeader('content-type', JSON_API)
      .once()
      .reply(200, contact);
    const record = await performAsProduction(
      appTester,
      updateProjectContact,
      bundleWith({ project_id: '90425', id: '7701', title: 'CIO', contact_type: 'customer_contact', name: '', email: '' }),
    );
    expect(scope.isDone()).toBe(true);
    expect(record).toMatchObject({ id: '7701', project_id: '90425', project_name: 'Cloud Migration' });
  });

  it('does not count the picked project as a change', async () => {
    const error = await appErrorOf(performAsProduction(appTester, updateProjectContact, bundleWith({ project_id: '90425', id: '7701' })));
    expect(error).toEqual({
      code: 'ValidationError',
      message: 'Nothing was sent to ScopeStack: Fill in at least one field to change on the project contact.',
    });
  });

  it('asks for the contact itself before any request', async () => {
    const error = await appErrorOf(performAsProduction(appTester, updateProjectContact, bundleWith({ project_id: '90425', title: 'CIO' })));
    expect(error.message).toBe('Nothing was sent to ScopeStack: Project Contact is required.');
  });
});

describe('creates.create_project_location', () => {
  it('posts the location linked to its project, without an account relationship', async () => {
    const scope = nock(API)
      .post(LOCATIONS, {
        data: {
          type: 'project-locations',
          attributes: {
            name: 'Denver HQ',
            street: '1 Main St',
            city: 'Denver',
            state: 'CO',
            'postal-code': '80202',
            country: 'US',
            remote: false,
          },
          relationships: { project: { data: { type: 'projects', id: '90425' } } },
        },
      })
      .query({ include: 'project' })
      .matchHeader('content-type', JSON_API)
      .once()
      .reply(201, location);
    const record = await performAsProduction(
      appTester,
      createProjectLocation,
      bundleWith({
        project_id: '90425',
        name: 'Denver HQ',
        street: '1 Main St',
        street2: '',
        city: 'Denver',
        state: 'CO',
        postal_code: '80202',
        country: 'US',
        remote: 'no',
      }),
    );
    expect(scope.isDone()).toBe(true);
    expect(record).toEqual({ ...createProjectLocation.operation.sample, custom_site_code: 'DEN-1' });
  });

  const address = { street: '1 Main St', city: 'Denver', state: 'CO', postal_code: '80202' };
  const taken = {
    errors: [
      {
        title: 'has already been taken',
        detail: 'name - has already been taken',
        status: '422',
        source: { pointer: '/data/attributes/name' },
      },
    ],
  };

  it('says that location names are unique within a project when ScopeStack refuses a second one', async () => {
    const scope = nock(API).post(LOCATIONS).query({ include: 'project' }).once().reply(422, taken);
    const error = await appErrorOf(
      performAsProduction(appTester, createProjectLocation, bundleWith({ project_id: '90425', name: 'Denver HQ', ...address })),
    );
    expect(scope.isDone()).toBe(true);
    expect(error.code).toBe('ValidationError');
    expect(error.message).toMatch(
      /^ScopeStack says: Name has already been taken\. Location names are unique within a project: use another name, or change the existing location with Update Project Location\./,
    );
  });

  it('points only to steps that exist for locations when the name is taken', async () => {
    // There is no Find Project Location step, nor a find-or-create for locations.
    nock(API).post(LOCATIONS).query(true).once().reply(422, taken);
    const error = await appErrorOf(
      performAsProduction(appTester, createProjectLocation, bundleWith({ project_id: '90425', name: 'Denver HQ', ...address })),
    );
    expect(error.message).toContain('Update Project Location');
    expect(error.message).not.toContain('a Find step');
  });

  it('names the missing Project before any request', async () => {
    expect(await appErrorOf(performAsProduction(appTester, createProjectLocation, bundleWith({ name: 'Denver HQ', ...address })))).toEqual({
      code: 'ValidationError',
      message: 'Nothing was sent to ScopeStack: Project is required.',
    });
  });

  it('asks for the whole address before any request, as public clients do', async () => {
    const error = await appErrorOf(
      performAsProduction(appTester, createProjectLocation, bundleWith({ project_id: '90425', name: 'Denver HQ', city: 'Denver' })),
    );
    expect(error.message).toBe('Nothing was sent to ScopeStack: Street is required. State is required. Postal Code is required.');
  });
});

describe('creates.update_project_location', () => {
  it('patches only the filled-in fields; the project picked to find the location is not sent', async () => {
    const scope = nock(API)
      .patch(`${LOCATIONS}/8801`, {
        data: { type: 'project-locations', id: '8801', attributes: { street: '2 Main St', remote: true } },
      })
      .query({ include: 'project' })
      .once()
      .reply(200, location);
    const record = await performAsProduction(
      appTester,
      updateProjectLocation,
      bundleWith({ project_id: '90425', id: '8801', street: '2 Main St', remote: 'yes', city: ' ' }),
    );
    expect(scope.isDone()).toBe(true);
    expect(record).toMatchObject({ id: '8801', name: 'Denver HQ', project_id: '90425' });
  });

  it('refuses a location name mapped into its ID before any request', async () => {
    const error = await appErrorOf(
      performAsProduction(appTester, updateProjectLocation, bundleWith({ id: 'Denver HQ', street: '2 Main St' })),
    );
    expect(error.message).toBe(
      'Nothing was sent to ScopeStack: Project Location must be a ScopeStack ID, a whole number such as 1001 (got "Denver HQ"). ' +
        'Pick one from the dropdown, or map the ID (not the name) from an earlier step.',
    );
  });
});
