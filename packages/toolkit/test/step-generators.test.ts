/**
 * What each step generator declares, for any resource: which steps a Zap editor shows, which
 * dropdowns page, which inputs are required, and the words around them. Steps are built inside
 * each test from a made-up resource, so the generators themselves are what is checked.
 */
import { createRequire } from 'node:module';
import type { PlainInputField } from 'zapier-platform-core';
import type { OutputField } from '../src/fields.js';
import type { ResourceSpec } from '../src/resource-spec.js';
import { deleteStep } from '../src/steps/delete-step.js';
import { dropdownTrigger } from '../src/steps/dropdown-trigger.js';
import { pollingTrigger } from '../src/steps/polling-trigger.js';
import { searchStep } from '../src/steps/search.js';
import { createStep, updateStep, upsertStep } from '../src/steps/write-step.js';
import { acmeResource } from './support/acme.js';

const widget: ResourceSpec = {
  ...acmeResource('widgets', 'Widget', 'name'),
  attributes: [
    { name: 'name', kind: 'string', writable: true, help: 'What people call the widget.' },
    { name: 'code', kind: 'string', writable: true },
    { name: 'parts', kind: 'json', writable: true, items: ['part_name', 'quantity'] },
    { name: 'loose-parts', kind: 'json', writable: true, items: ['label', 'weight'], help: 'One row per part.' },
    { name: 'updated-at', kind: 'datetime' },
  ],
  relationships: [
    { name: 'workshop', type: 'workshops', writable: true, dropdown: 'list_workshops', search: 'find_workshop', help: 'Where it is made.' },
  ],
  filters: [
    { key: 'name', param: 'filter[name]', match: 'contains' },
    { key: 'code', param: 'filter[code]', match: 'exact', label: 'Widget Code', help: 'The code on the label.' },
  ],
  sample: { id: '12', name: 'Sample Widget', code: 'W-12', updated_at: '2025-01-31T10:00:00Z' },
};

const fieldsOf = (fields: readonly unknown[] | undefined): PlainInputField[] =>
  (fields ?? []).filter((field): field is PlainInputField => typeof field === 'object' && field !== null);

const field = (fields: readonly unknown[] | undefined, key: string): PlainInputField | undefined =>
  fieldsOf(fields).find((candidate) => candidate.key === key);

/** The required Widget field of an update or a delete: a dropdown, with a search to find one. */
const widgetPicker = (helpText: string): PlainInputField => ({
  key: 'id',
  label: 'Widget',
  type: 'string',
  required: true,
  dynamic: 'list_widgets.id.label',
  search: 'find_widget.id',
  helpText,
});

describe('step visibility', () => {
  it('shows creates, updates, create-or-updates, searches and polling triggers in the Zap editor unless told not to', () => {
    const steps = [
      createStep(widget, { key: 'create_widget', required: ['name'] }),
      updateStep(widget, { key: 'update_widget', dropdown: 'list_widgets' }),
      upsertStep(widget, { key: 'upsert_widget', required: ['name'], match: ['code'] }),
      searchStep(widget, { key: 'find_widget' }),
      pollingTrigger(widget, { key: 'new_widget' }),
    ];
    expect(steps.map((step) => [step.key, step.display.hidden])).toEqual(steps.map((step) => [step.key, false]));
  });

  it('hides a step when the catalog says so, and keeps its own words', () => {
    const hidden = [
      createStep(widget, { key: 'create_widget', required: [], hidden: true, label: 'Make Widget', description: 'Makes a widget.' }),
      updateStep(widget, {
        key: 'update_widget',
        dropdown: 'list_widgets',
        hidden: true,
        label: 'Make Widget',
        description: 'Makes a widget.',
      }),
      searchStep(widget, { key: 'find_widget', hidden: true, label: 'Make Widget', description: 'Makes a widget.' }),
      pollingTrigger(widget, { key: 'new_widget', hidden: true, label: 'Make Widget', description: 'Makes a widget.' }),
    ];
    for (const step of hidden) expect(step.display).toEqual({ label: 'Make Widget', description: 'Makes a widget.', hidden: true });
  });

  it('always hides a dropdown trigger, which only feeds fields', () => {
    expect(dropdownTrigger(widget, { key: 'list_widgets', plural: 'Widgets' }).display).toEqual({
      label: 'List Widgets',
      description: 'Lists widgets for dropdowns.',
      hidden: true,
    });
  });
});

describe('dropdown triggers', () => {
  it('page through every record, so a record past the first page can still be picked', () => {
    const operation = dropdownTrigger(widget, { key: 'list_widgets', plural: 'Widgets' }).operation;
    expect(operation).toMatchObject({ type: 'polling', canPaginate: true });
  });

  it('show a sample of only the ID and the label the fields display, and label both outputs', () => {
    const operation = dropdownTrigger(widget, { key: 'list_widgets', plural: 'Widgets' }).operation;
    expect(operation.sample).toEqual({ id: '12', label: 'Sample Widget' });
    expect(operation.outputFields).toEqual([
      { key: 'id', label: 'Widget ID' },
      { key: 'label', label: 'Widget' },
    ]);
  });
});

describe('search inputs', () => {
  it('require none of the values to find by, since any one of them is enough', () => {
    const inputs = fieldsOf(searchStep(widget, { key: 'find_widget' }).operation.inputFields);
    expect(inputs.map(({ key, required }) => [key, required])).toEqual([
      ['name', false],
      ['code', false],
      ['id', false],
    ]);
  });

  it('say how each value matches, and that an ID wins over the rest', () => {
    const inputs = searchStep(widget, { key: 'find_widget' }).operation.inputFields;
    expect(field(inputs, 'name')).toMatchObject({ label: 'Name', helpText: 'Matches the whole value exactly, ignoring case.' });
    expect(field(inputs, 'code')).toMatchObject({ label: 'Widget Code', helpText: 'The code on the label.' });
    expect(field(inputs, 'id')).toEqual({
      key: 'id',
      label: 'Widget ID',
      type: 'string',
      required: false,
      helpText: 'Finds the widget with this Acme ID (a whole number such as 12); the other fields are then ignored.',
    });
  });

  it('mark another system’s ID, and give a narrowing field its dropdown and search link', () => {
    const step = searchStep(widget, {
      key: 'find_widget',
      filters: [{ key: 'crm_id', param: 'filter[crm-id]', match: 'exact', externalId: true, label: 'Deal ID in CRM' }],
      narrow: [
        {
          key: 'workshop_id',
          param: 'filter[workshop]',
          match: 'exact',
          label: 'Workshop',
          dropdown: 'list_workshops',
          search: 'find_workshop',
        },
      ],
    });
    const inputs = step.operation.inputFields;
    expect(field(inputs, 'crm_id')).toMatchObject({ required: false, meta: { externalId: true } });
    expect(field(inputs, 'workshop_id')).toEqual({
      key: 'workshop_id',
      label: 'Workshop',
      type: 'string',
      required: false,
      helpText: 'Only widget records of this workshop match.',
      dynamic: 'list_workshops.id.label',
      search: 'find_workshop.id',
    });
    expect(step.display.description).toBe('Finds a widget by deal ID in CRM or ID.');
  });

  it('describe the search by what it finds by', () => {
    expect(searchStep(widget, { key: 'find_widget' }).display).toMatchObject({
      label: 'Find Widget',
      description: 'Finds a widget by name, widget code or ID.',
    });
    expect(searchStep({ ...widget, noun: 'Order', filters: [] }, { key: 'find_order' }).display.description).toBe('Finds an order by ID.');
    const unfiltered: ResourceSpec = { ...widget };
    delete (unfiltered as { filters?: unknown }).filters;
    const byIdOnly = searchStep(unfiltered, { key: 'find_widget' });
    expect(byIdOnly.display.description).toBe('Finds a widget by ID.');
    expect(fieldsOf(byIdOnly.operation.inputFields).map((input) => input.key)).toEqual(['id']);
  });
});

describe('create inputs', () => {
  it('require what the catalog requires, and list the owning record first with its dropdown and search link', () => {
    const inputs = fieldsOf(createStep(widget, { key: 'create_widget', required: ['name', 'workshop_id'] }).operation.inputFields);
    expect(inputs.map(({ key, required }) => [key, required])).toEqual([
      ['workshop_id', true],
      ['name', true],
      ['code', false],
      ['parts', false],
      ['loose_parts', false],
    ]);
    expect(inputs[0]).toEqual({
      key: 'workshop_id',
      label: 'Workshop',
      type: 'string',
      required: true,
      dynamic: 'list_workshops.id.label',
      search: 'find_workshop.id',
      helpText: 'Where it is made.',
    });
  });

  it('give every column of a line-item field help that says what it holds', () => {
    const inputs = createStep(widget, { key: 'create_widget', required: [] }).operation.inputFields;
    expect(field(inputs, 'parts')).toEqual({
      key: 'parts',
      label: 'Parts',
      required: false,
      children: [
        { key: 'parts__part_name', label: 'Parts: Part Name', helpText: 'Part Name of each parts row.' },
        { key: 'parts__quantity', label: 'Parts: Quantity', helpText: 'The quantity for the part name in the same row.' },
      ],
    });
    expect(field(inputs, 'loose_parts')?.children?.[0]).toMatchObject({ helpText: 'One row per part.' });
  });

  it('are described in Zapier’s words', () => {
    expect(createStep(widget, { key: 'create_widget', required: [] }).display).toEqual({
      label: 'Create Widget',
      description: 'Creates a widget.',
      hidden: false,
    });
    expect(createStep({ ...widget, noun: 'Estimate' }, { key: 'create_estimate', required: [] }).display.description).toBe(
      'Creates an estimate.',
    );
  });
});

describe('update inputs', () => {
  it('require only the record, picked from its dropdown or found by a search', () => {
    const inputs = fieldsOf(
      updateStep(widget, { key: 'update_widget', dropdown: 'list_widgets', search: 'find_widget' }).operation.inputFields,
    );
    expect(inputs.filter((input) => input.required).map((input) => input.key)).toEqual(['id']);
    expect(inputs[0]).toEqual(
      widgetPicker('The widget to change. Pick one, or map its Acme ID (a whole number such as 12) from an earlier step.'),
    );
  });

  it('ask for the parent first, so the record dropdown lists only its records, and do not offer to change it', () => {
    const step = updateStep(widget, {
      key: 'update_widget',
      dropdown: 'list_widgets',
      parent: { key: 'workshop_id', label: 'Workshop', dropdown: 'list_workshops', search: 'find_workshop' },
    });
    const inputs = fieldsOf(step.operation.inputFields);
    expect(inputs.map((input) => input.key)).toEqual(['workshop_id', 'id', 'name', 'code', 'parts', 'loose_parts']);
    expect(inputs[0]).toEqual({
      key: 'workshop_id',
      label: 'Workshop',
      type: 'string',
      required: false,
      altersDynamicFields: true,
      dynamic: 'list_workshops.id.label',
      search: 'find_workshop.id',
      helpText: 'Pick the workshop first to list its widget records below. Not needed when you map the Widget ID.',
    });
    expect(step.display).toEqual({ label: 'Update Widget', description: 'Updates an existing widget.', hidden: false });
  });
});

describe('create-or-update steps', () => {
  it('say which unique values decide between the two, and output which one happened', () => {
    const step = upsertStep(widget, {
      key: 'upsert_widget',
      required: ['name'],
      match: ['code', 'name'],
    });
    expect(step.display).toEqual({
      label: 'Create or Update Widget',
      description: 'Creates a widget, or updates the one with the same widget code or name.',
      hidden: false,
    });
    expect(step.operation.sample).toMatchObject({ upsert_action: 'created' });
    expect(step.operation.outputFields?.[0]).toEqual({ key: 'upsert_action', label: 'Created or Updated' });
    expect(field(step.operation.inputFields, 'name')?.required).toBe(true);
  });

  it('match by filters named by key, and refuse to be defined on a key the resource cannot be found by', () => {
    expect(() => upsertStep(widget, { key: 'upsert_widget', required: [], match: ['colour'] })).toThrow(
      'Widget has no filter "colour" to match a create-or-update by.',
    );
  });
});

describe('delete steps', () => {
  it('are shown and described as deletes, with an article that fits the noun', () => {
    expect(deleteStep(widget, { key: 'delete_widget', dropdown: 'list_widgets' }).display).toEqual({
      label: 'Delete Widget',
      description: 'Deletes a widget.',
      hidden: false,
    });
    expect(deleteStep({ ...widget, noun: 'Estimate' }, { key: 'delete_estimate', dropdown: 'list_estimates' }).display.description).toBe(
      'Deletes an estimate.',
    );
  });

  it('ask only for the record, picked from its dropdown or found by a search, and warn that it cannot be undone', () => {
    const operation = deleteStep(widget, { key: 'delete_widget', dropdown: 'list_widgets', search: 'find_widget' }).operation;
    expect(operation.inputFields).toEqual([
      widgetPicker('The widget to delete. Pick one, or map its Acme ID (a whole number such as 12). This cannot be undone.'),
    ]);
    expect(field(deleteStep(widget, { key: 'delete_widget', dropdown: 'list_widgets' }).operation.inputFields, 'id')).not.toHaveProperty(
      'search',
    );
  });

  it('output the deleted record’s ID and that it was deleted, labelled, with a sample of both', () => {
    const operation = deleteStep(widget, { key: 'delete_widget', dropdown: 'list_widgets' }).operation;
    expect(operation.sample).toEqual({ id: '12', deleted: true });
    expect(operation.outputFields).toEqual([
      { key: 'id', label: 'Widget ID' },
      { key: 'deleted', label: 'Deleted', type: 'boolean' },
    ]);
  });
});

describe('polling triggers', () => {
  it('are described as triggers on new records, with an article that fits the noun', () => {
    expect(pollingTrigger(widget, { key: 'new_widget' }).display).toEqual({
      label: 'New Widget',
      description: 'Triggers when a widget is created.',
      hidden: false,
    });
    expect(pollingTrigger({ ...widget, noun: 'Invoice' }, { key: 'new_invoice' }).display.description).toBe(
      'Triggers when an invoice is created.',
    );
  });

  it('offer their narrowing inputs as optional dropdowns unless required', () => {
    const operation = pollingTrigger(widget, {
      key: 'new_widget',
      inputs: [
        {
          key: 'colour',
          label: 'Colour',
          param: 'filter[colour]',
          help: 'Only widgets of these colours.',
          list: true,
          choices: { red: 'Red' },
        },
        { key: 'size', label: 'Size', param: 'filter[size]', help: 'Only widgets of this size.', required: true },
      ],
    }).operation;
    expect(operation.inputFields).toEqual([
      {
        key: 'colour',
        label: 'Colour',
        type: 'string',
        required: false,
        helpText: 'Only widgets of these colours.',
        list: true,
        choices: { red: 'Red' },
      },
      { key: 'size', label: 'Size', type: 'string', required: true, helpText: 'Only widgets of this size.' },
    ]);
    expect(pollingTrigger(widget, { key: 'new_widget' }).operation).not.toHaveProperty('inputFields');
  });

  it('give a change trigger a version ID, keep the record ID in its own field, and label both', () => {
    const operation = pollingTrigger(widget, {
      key: 'widget_changed',
      change: { versionBy: ['updated-at'], idKey: 'widget_id' },
    }).operation;
    expect(operation.sample).toMatchObject({ id: '12@2025-01-31T10:00:00.000Z', widget_id: '12' });
    expect(operation.outputFields?.slice(0, 2)).toEqual([
      { key: 'id', label: 'Widget Version ID' },
      { key: 'widget_id', label: 'Widget ID' },
    ]);
    expect(operation.outputFields?.filter((output) => typeof output === 'object' && output.key === 'id')).toHaveLength(1);
  });
});

describe('samples and outputs', () => {
  /** The widget's outputs: its ID, each attribute (line items by column) and each relationship, all labelled. */
  const widgetOutputs = [
    ['id', 'Widget ID'],
    ['name', 'Name'],
    ['code', 'Code'],
    ['parts[]part_name', 'Parts: Part Name'],
    ['parts[]quantity', 'Parts: Quantity'],
    ['loose_parts[]label', 'Loose Parts: Label'],
    ['loose_parts[]weight', 'Loose Parts: Weight'],
    ['updated_at', 'Updated At'],
    ['workshop_id', 'Workshop ID'],
  ];
  /** Key and label of each output; anything else (fields loaded at run time, a stray value) as it is. */
  const outputsOf = (outputs: readonly unknown[] | undefined) =>
    (outputs ?? []).map((output) =>
      typeof output === 'object' && output !== null ? [(output as OutputField).key, (output as OutputField).label] : output,
    );

  it('show the catalog’s sample and every labelled output on searches, creates and updates', () => {
    const steps = [
      searchStep(widget, { key: 'find_widget' }),
      createStep(widget, { key: 'create_widget', required: [] }),
      updateStep(widget, { key: 'update_widget', dropdown: 'list_widgets' }),
      pollingTrigger(widget, { key: 'new_widget' }),
    ];
    for (const { operation } of steps) {
      expect(operation.sample).toEqual(widget.sample);
      expect(outputsOf(operation.outputFields)).toEqual(widgetOutputs);
      // Without custom fields there is nothing to load when Zapier opens the step.
      expect(('inputFields' in operation ? (operation.inputFields ?? []) : []).filter((input) => typeof input !== 'object')).toEqual([]);
    }
  });

  it('add what a create-or-update did to the sample and the outputs', () => {
    const { operation } = upsertStep(widget, {
      key: 'upsert_widget',
      required: [],
      match: ['code'],
    });
    expect(operation.sample).toEqual({ ...widget.sample, upsert_action: 'created' });
    expect(outputsOf(operation.outputFields)).toEqual([['upsert_action', 'Created or Updated'], ...widgetOutputs]);
  });

  it('give a change trigger every other output of the record too, under the version ID and the record ID', () => {
    const { operation } = pollingTrigger(widget, { key: 'widget_changed', change: { versionBy: ['updated-at'], idKey: 'widget_id' } });
    expect(operation.sample).toEqual({ ...widget.sample, id: '12@2025-01-31T10:00:00.000Z', widget_id: '12' });
    expect(outputsOf(operation.outputFields)).toEqual([['id', 'Widget Version ID'], ['widget_id', 'Widget ID'], ...widgetOutputs.slice(1)]);
  });
});

describe('what Zapier accepts', () => {
  /** The check `zapier-platform validate` runs on a built app: functions become references, then the schema judges. */
  const { validateApp } = createRequire(import.meta.url)('zapier-platform-core/src/tools/schema') as {
    validateApp: (app: object) => { property: string; message: string }[];
  };

  it('every kind of generated step passes Zapier’s app schema, so the app can be pushed', () => {
    const match = ['code'];
    const app = {
      version: '1.0.0',
      platformVersion: '19.1.0',
      triggers: Object.fromEntries(
        [
          pollingTrigger(widget, { key: 'new_widget' }),
          pollingTrigger(widget, { key: 'widget_changed', change: { versionBy: ['updated-at'], idKey: 'widget_id' } }),
          dropdownTrigger(widget, { key: 'list_widgets', plural: 'Widgets' }),
        ].map((step) => [step.key, step]),
      ),
      searches: { find_widget: searchStep(widget, { key: 'find_widget' }) },
      creates: Object.fromEntries(
        [
          createStep(widget, { key: 'create_widget', required: ['name'] }),
          updateStep(widget, { key: 'update_widget', dropdown: 'list_widgets', search: 'find_widget' }),
          upsertStep(widget, { key: 'upsert_widget', required: ['name'], match }),
          deleteStep(widget, { key: 'delete_widget', dropdown: 'list_widgets', search: 'find_widget' }),
        ].map((step) => [step.key, step]),
      ),
    };
    expect(validateApp(app).map((error) => `${error.property} ${error.message}`)).toEqual([]);
  });
});
