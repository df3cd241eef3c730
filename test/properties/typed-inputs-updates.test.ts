/** Typed inputs through Zapier production's conversion, on the update steps (see test/support/typed-inputs.ts). */
import { describeTypedInputs, stepsWithTypedFields } from '../support/typed-inputs.js';

describeTypedInputs(stepsWithTypedFields('update_'), 15);
