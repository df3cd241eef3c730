import { inSentence } from '../field-names.js';
/** Default labels and descriptions for generated steps, in Zapier's wording rules. */
import type { ResourceSpec } from '../resource-spec.js';

const lower = (spec: ResourceSpec): string => inSentence(spec.noun);

/** "a client", "an opportunity". */
const withArticle = (noun: string): string => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

export const stepText = {
  newRecord: (spec: ResourceSpec) => ({ label: `New ${spec.noun}`, description: `Triggers when ${withArticle(lower(spec))} is created.` }),
  list: (plural: string) => ({ label: `List ${plural}`, description: `Lists ${inSentence(plural)} for dropdowns.` }),
  find: (spec: ResourceSpec, by: string) => ({ label: `Find ${spec.noun}`, description: `Finds ${withArticle(lower(spec))} by ${by}.` }),
  create: (spec: ResourceSpec) => ({ label: `Create ${spec.noun}`, description: `Creates ${withArticle(lower(spec))}.` }),
  update: (spec: ResourceSpec) => ({ label: `Update ${spec.noun}`, description: `Updates an existing ${lower(spec)}.` }),
};
