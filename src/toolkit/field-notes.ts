/** Field labels for the service's error pointers, from the specs of the resources an app uses. */
import { attributeLabel, relationshipLabel } from './fields.js';
import type { FieldNotes } from './response-errors.js';
import type { ResourceSpec } from './resource-spec.js';

/**
 * For a request URL, the notes of its resource's fields: `/data/attributes/msa-date` on
 * `.../clients/12` reads "MSA Date", as the user saw it in the step.
 */
export const fieldNotesFor =
  (specs: readonly ResourceSpec[]) =>
  (url: string): FieldNotes | undefined => {
    const segments = new URL(url, 'http://placeholder').pathname.split('/');
    const spec = specs.find((candidate) => segments.includes(candidate.path));
    if (!spec) return undefined;
    return (pointer) => {
      const name = pointer.split('/').filter(Boolean).at(-1);
      const attribute = spec.attributes.find((candidate) => candidate.name === name);
      if (attribute) return { label: attributeLabel(attribute), ...(attribute.rejectedHint ? { hint: attribute.rejectedHint } : {}) };
      const relationship = spec.relationships.find((candidate) => candidate.name === name);
      return relationship ? { label: relationshipLabel(relationship) } : undefined;
    };
  };
