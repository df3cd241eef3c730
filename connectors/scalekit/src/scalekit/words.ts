/** Scalekit and its credentials in its users' words, for the toolkit's messages. */
import type { ServiceWords } from 'connector-toolkit/service-words.js';

export const SERVICE_NAME = 'Scalekit';

export const scalekitWords: ServiceWords = {
  service: SERVICE_NAME,
  credential: 'a Scalekit environment API credential',
  credentialsPage: 'Scalekit (Settings > API Config)',
  credentialDialog: 'the dialog that shows a new client secret',
  otherRefusals: ', or the credential belongs to another environment than the Environment URL',
  permissionFix:
    "Check in Scalekit (Settings > API Config) that this credential belongs to the environment of the Environment URL, and that the environment's plan includes this feature",
};
