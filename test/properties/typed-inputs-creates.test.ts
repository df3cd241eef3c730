/** Typed inputs through Zapier production's conversion, on the create steps (see test/support/typed-inputs.ts). */
import { describeTypedInputs, stepsWithTypedFields } from '../support/typed-inputs.js';

const steps = stepsWithTypedFields('create_', 'add_', 'generate_');

it('finds typed fields of every kind the toolkit emits among the creates', () => {
  const kinds = new Set(steps.flatMap(([, , fields]) => fields.map(({ kind }) => kind)));
  expect([...kinds].sort()).toEqual(['boolean', 'date', 'decimal', 'integer', 'string']);
});

describeTypedInputs(steps, 15);
