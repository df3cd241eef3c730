/** Field labels for the fields a service names in its errors, from the spec of the resource a request was about. */
import { attributeLabel, relationshipLabel } from './fields.js';
import type { FieldNotes } from './response-errors.js';
import type { ResourceSpec } from './resource-spec.js';

/** `msa-date` on a client reads "MSA Date", as the user saw it in the step. */
export const fieldNotesOf =
  (spec: ResourceSpec): FieldNotes =>
  (name) => {
    const attribute = spec.attributes.find((candidate) => candidate.name === name);
    if (attribute) return { label: attributeLabel(attribute), ...(attribute.rejectedHint ? { hint: attribute.rejectedHint } : {}) };
    const relationship = spec.relationships.find((candidate) => candidate.name === name);
    return relationship ? { label: relationshipLabel(relationship) } : undefined;
  };
