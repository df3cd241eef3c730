/** Typed inputs through Zapier production's conversion, on the create-or-update steps (see test/support/typed-inputs.ts). */
import { describeTypedInputs, stepsWithTypedFields } from '../support/typed-inputs.js';

describeTypedInputs(stepsWithTypedFields('upsert_'), 15);
