/** The perform of a generated step, to wrap it: core's step types are unions over operation kinds. */
import type { FlatRecord } from 'connector-toolkit/flat-record.js';
import type { Bundle, ZObject } from 'zapier-platform-core';

export const performOf =
  (step: { operation: object }): ((z: ZObject, bundle: Bundle) => Promise<FlatRecord[]>) =>
  (z, bundle) =>
    (step.operation as { perform: (z: ZObject, bundle: Bundle) => Promise<FlatRecord[]> }).perform(z, bundle);
