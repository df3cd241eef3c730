/**
 * The parts of a project (contacts, locations, approvals) against nock: exact requests, and what
 * the user gets back or reads.
 */
import nock from 'nock';
import createProjectContact from '../../creates/create_project_contact.js';
import createProjectLocation from '../../creates/create_project_location.js';
import updateProjectContact from '../../creates/update_project_contact.js';
import updateProjectLocation from '../../creates/update_project_location.js';
import listProjectContacts from '../../triggers/list_project_contacts.js';
import listProjectLocations from '../../triggers/list_project_locations.js';
import newProjectApproval from '../../triggers/new_project_approval.js';
import { API, SLUG } from '../support/bundle.js';
import { listPage } from '../support/json-api-page.js';
import { dropdownOf, itRefuses, notAnId, nothingSent, pickedFrom, readThrough, refusalOf, writeThrough } from '../support/app-expect.js';
import { DENVER_HQ, PAT_EXAMPLE } from '../support/app-fixtures.js';
import { changes, collection, FIRST_PAGE, newRecord, oneGet, onePatch, onePost, pageOf } from '../support/app-requests.js';
import { refusedAttribute, toOne, toProject } from '../support/app-requests.js';
import { runStep, useAppSuite } from '../support/app-suite.js';

interface Field {
  key: string;
  dynamic?: string;
  search?: string;
  required?: boolean;
  altersDynamicFields?: boolean;
}

const CONTACTS = collection('project-contacts');
const LOCATIONS = collection('project-locations');
/** Every write of a project part sideloads its project, for `project_name`. */
const WITH_PROJECT = { include: 'project' };

const includedProject = { id: '90425', type: 'projects', attributes: { 'project-name': 'Cloud Migration', status: 'building' } };

/** A part of project 90425 as ScopeStack answers a GET, POST or PATCH of it with `include=project`. */
const partOfTheProject = (type: string, id: string, attributes: Record<string, unknown>, at: string) => ({
  data: { id, type, attributes: { ...attributes, 'created-at': at, 'updated-at': at }, relationships: { project: toProject } },
  included: [includedProject],
});

const contact = partOfTheProject(
  'project-contacts',
  '7701',
  {
    ...PAT_EXAMPLE,
    active: true,
    'project-variables': [{ name: 'preferred_contact_time', label: 'Preferred Contact Time', value: 'Mornings' }],
  },
  '2025-02-03T14:10:00Z',
);
const location = partOfTheProject(
  'project-locations',
  '8801',
  { ...DENVER_HQ, street2: null, 'project-variables': [{ name: 'site_code', label: 'Site Code', value: 'DEN-1' }] },
  '2025-02-03T14:12:00Z',
);

const list = (data: unknown[], included: unknown[] = []) => listPage(data, { included });

const inputFieldsOf = (step: { operation: { inputFields?: unknown } }): Field[] =>
  ((step.operation.inputFields ?? []) as unknown[]).filter((field): field is Field => typeof field === 'object' && field !== null);

/** Two approvals of project 90425: one made by Riley Approver, one still pending. */
const approved = {
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
    user: toOne('users', '4030'),
    'approval-step': { links: { related: `${API}/${SLUG}/v1/project-approvals/5502/approval-step` } },
  },
};
const pending = {
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
};
const approver = { id: '4030', type: 'users', attributes: { name: 'Riley Approver', email: 'riley@yourfirm.example' } };

useAppSuite();

describe('triggers.new_project_approval', () => {
  it('asks for the newest approvals first, with their project and approver, and names the project', async () => {
    const scope = oneGet(
      collection('project-approvals'),
      { include: 'project,user', sort: '-id', ...FIRST_PAGE },
      list([approved, pending], [includedProject, approver]),
    );
    expect(await readThrough(scope, newProjectApproval)).toEqual([
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
    await expect(runStep(step)).resolves.toEqual([]);
    await expect(runStep(step, { project_id: '' })).resolves.toEqual([]);
    await expect(runStep(step, { project_id: 'Cloud Migration' })).resolves.toEqual([]);
  });

  it("lists the picked project's contacts by name, without related records, labelled with their email", async () => {
    // A dropdown needs no related records: no include.
    const scope = oneGet(CONTACTS, { sort: 'name', 'filter[project]': '90425', ...FIRST_PAGE }, list([contact.data]));
    expect(await readThrough(scope, listProjectContacts, { project_id: ' 90425 ' })).toEqual([
      expect.objectContaining({ id: '7701', name: 'Pat Example', project_id: '90425', label: 'Pat Example (pat@client.example)' }),
    ]);
  });

  it("lists the picked project's locations by name, without related records, labelled with their city, one page per call", async () => {
    const scope = oneGet(LOCATIONS, { sort: 'name', 'filter[project]': '90425', ...pageOf(3) }, list([location.data]));
    expect(await dropdownOf(scope, listProjectLocations, 2, { project_id: '90425' })).toEqual([['8801', 'Denver HQ (Denver)']]);
  });
});

describe('creates.create_project_contact', () => {
  it('asks for the project first, from the projects dropdown or a search', () => {
    expect(inputFieldsOf(createProjectContact)[0]).toMatchObject({
      key: 'project_id',
      required: true,
      ...pickedFrom('list_projects', 'find_project'),
    });
  });

  it('posts the contact linked to its project, without an account relationship', async () => {
    const scope = onePost(
      CONTACTS,
      newRecord('project-contacts', { ...PAT_EXAMPLE, active: true }, { project: toProject }),
      contact,
      WITH_PROJECT,
    );
    const record = await writeThrough(scope, createProjectContact, {
      project_id: '90425',
      name: 'Pat Example ',
      title: 'IT Director',
      email: 'pat@client.example',
      phone: '+1 555 0100',
      contact_type: 'primary_customer_contact',
      active: 'true',
    });
    expect(record).toEqual({ ...createProjectContact.operation.sample, custom_preferred_contact_time: 'Mornings' });
  });

  it("reads the contacts' custom field definitions, then sends the values", async () => {
    const definition = {
      id: '3911',
      type: 'project-variables',
      attributes: { name: 'preferred_contact_time', label: 'Preferred Contact Time', 'variable-type': 'text', active: true },
    };
    const customValues = { 'project-variables': [{ name: 'preferred_contact_time', value: 'Mornings' }] };
    const scope = nock(API)
      .get(collection('project-variables'))
      .query({ 'filter[variable-context]': 'project_contact', 'filter[active]': 'true', ...FIRST_PAGE })
      // Once when the Zap editor set the step up (it shows the custom fields), once by the step.
      .twice()
      .reply(200, list([definition]))
      .post(CONTACTS, newRecord('project-contacts', { name: 'Pat Example', ...customValues }, { project: toProject }))
      .query(WITH_PROJECT)
      .once()
      .reply(201, contact);
    await writeThrough(scope, createProjectContact, {
      project_id: '90425',
      name: 'Pat Example',
      custom_preferred_contact_time: 'Mornings',
    });
  });

  itRefuses(createProjectContact, [
    ['names the missing Project and Name before any request', { email: 'pat@client.example' }, 'Project is required. Name is required.'],
    [
      'refuses a contact type ScopeStack does not have before any request',
      { project_id: '90425', name: 'Pat', contact_type: 'boss' },
      'Contact Type must be one of primary_customer_contact, customer_contact (got "boss").',
    ],
  ]);
});

describe('creates.update_project_contact', () => {
  it('picks the project first, to list its contacts', () => {
    const [parent, id] = inputFieldsOf(updateProjectContact);
    expect(parent).toMatchObject({ key: 'project_id', required: false, altersDynamicFields: true, dynamic: 'list_projects.id.label' });
    expect(id).toMatchObject({ key: 'id', required: true, dynamic: 'list_project_contacts.id.label' });
  });

  it('patches only the filled-in fields; the project picked to find the contact is not sent', async () => {
    const scope = onePatch(
      `${CONTACTS}/7701`,
      changes('project-contacts', '7701', { title: 'CIO', 'contact-type': 'customer_contact' }),
      contact,
      WITH_PROJECT,
    );
    const input = { project_id: '90425', id: '7701', title: 'CIO', contact_type: 'customer_contact', name: '', email: '' };
    expect(await writeThrough(scope, updateProjectContact, input)).toMatchObject({
      id: '7701',
      project_id: '90425',
      project_name: 'Cloud Migration',
    });
  });

  itRefuses(updateProjectContact, [
    [
      'does not count the picked project as a change',
      { project_id: '90425', id: '7701' },
      'Fill in at least one field to change on the project contact.',
    ],
    ['asks for the contact itself before any request', { project_id: '90425', title: 'CIO' }, 'Project Contact is required.'],
  ]);
});

describe('creates.create_project_location', () => {
  const address = { street: '1 Main St', city: 'Denver', state: 'CO', postal_code: '80202' };
  const taken = refusedAttribute('name', 'has already been taken');

  it('posts the location linked to its project, without an account relationship', async () => {
    const scope = onePost(LOCATIONS, newRecord('project-locations', DENVER_HQ, { project: toProject }), location, WITH_PROJECT);
    const input = { project_id: '90425', name: 'Denver HQ', ...address, street2: '', country: 'US', remote: 'no' };
    expect(await writeThrough(scope, createProjectLocation, input)).toEqual({
      ...createProjectLocation.operation.sample,
      custom_site_code: 'DEN-1',
    });
  });

  it('says that location names are unique within a project when ScopeStack refuses a second one', async () => {
    const scope = nock(API).post(LOCATIONS).query(WITH_PROJECT).once().reply(422, taken);
    const error = await refusalOf(createProjectLocation, { project_id: '90425', name: 'Denver HQ', ...address });
    expect(scope.isDone()).toBe(true);
    expect(error.code).toBe('ValidationError');
    expect(error.message).toMatch(
      /^ScopeStack says: Name has already been taken\. Location names are unique within a project: use another name, or change the existing location with Update Project Location\./,
    );
  });

  it('points only to steps that exist for locations when the name is taken', async () => {
    // There is no Find Project Location step, nor a find-or-create for locations.
    nock(API).post(LOCATIONS).query(true).once().reply(422, taken);
    const error = await refusalOf(createProjectLocation, { project_id: '90425', name: 'Denver HQ', ...address });
    expect(error.message).toContain('Update Project Location');
    expect(error.message).not.toContain('a Find step');
  });

  itRefuses(createProjectLocation, [
    ['names the missing Project before any request', { name: 'Denver HQ', ...address }, 'Project is required.'],
    [
      'asks for the whole address before any request, as public clients do',
      { project_id: '90425', name: 'Denver HQ', city: 'Denver' },
      'Street is required. State is required. Postal Code is required.',
    ],
  ]);
});

describe('creates.update_project_location', () => {
  it('patches only the filled-in fields; the project picked to find the location is not sent', async () => {
    const scope = nock(API)
      .patch(`${LOCATIONS}/8801`, changes('project-locations', '8801', { street: '2 Main St', remote: true }))
      .query(WITH_PROJECT)
      .once()
      .reply(200, location);
    const input = { project_id: '90425', id: '8801', street: '2 Main St', remote: 'yes', city: ' ' };
    expect(await writeThrough(scope, updateProjectLocation, input)).toMatchObject({ id: '8801', name: 'Denver HQ', project_id: '90425' });
  });

  it('refuses a location name mapped into its ID before any request', async () => {
    const error = await refusalOf(updateProjectLocation, { id: 'Denver HQ', street: '2 Main St' });
    expect(error).toEqual(nothingSent(notAnId('Project Location', 'Denver HQ')));
  });
});
