/** How every Scalekit resource is reached: under the connection's environment URL, in plain REST JSON. */
import { restJsonFormat } from 'connector-toolkit/formats/rest-json-format.js';
import type { Requester } from 'connector-toolkit/resource-spec.js';
import { environmentOf } from './environment.js';
import { SERVICE_NAME } from './words.js';

export const scalekitRequester: Requester = {
  service: SERVICE_NAME,
  format: restJsonFormat,
  // IDs are a prefix and digits or letters: org_…, usr_…, conn_….
  recordId: { pattern: /^[a-z]+_[A-Za-z0-9]+$/, description: 'an ID such as org_59615193906282635' },
  apiBaseUrl: (bundle) => environmentOf(bundle.authData),
  collectionsUrl: (bundle) => {
    const environment = environmentOf(bundle.authData);
    return environment ? `${environment}/api/v1` : undefined;
  },
};
