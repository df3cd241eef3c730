/** ScopeStack and its credentials in its users' words, for the toolkit's messages. */
import type { ServiceWords } from 'connector-toolkit/service-words.js';
import { SERVICE_NAME } from './hosts.js';

export const scopestackWords: ServiceWords = {
  service: SERVICE_NAME,
  credential: `a ${SERVICE_NAME} service account credential`,
  credentialsPage: `${SERVICE_NAME} (Settings > Users > your service user > Client Credentials)`,
  credentialDialog: "the credential's dialog",
  // Changing a user's type away from Service deletes its credentials.
  otherRefusals: ", or its user's type changed from Service (which deletes its credentials)",
  unauthorizedClientFix:
    "Client credentials work only for users whose User Type is Service; changing the user's type deletes its credentials. " +
    'Create a new credential for a service user and reconnect.',
  permissionFix: `Ask a ${SERVICE_NAME} admin to give the service account's role permission for this`,
};
