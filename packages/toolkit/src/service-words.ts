/**
 * What a connector tells the toolkit about its service in its users' words: its name, and where
 * and how its credentials are managed. The toolkit's messages are built from these, so that it
 * names no service itself.
 */
export interface ServiceWords {
  /** The service's name as users know it (`Acme`). */
  readonly service: string;
  /** What the credentials belong to, after "the Client Secret of" (`an Acme API client`). */
  readonly credential: string;
  /** Where a credential is read, created or rotated, after "in" (`Acme (Settings > API Clients)`). */
  readonly credentialsPage: string;
  /** Where a new credential's values are copied from, after "from" (`the dialog that shows them`). */
  readonly credentialDialog: string;
  /** Why a working credential may be refused, beyond a rotated secret or a deleted credential (`, or its user deactivated`). */
  readonly otherRefusals?: string;
  /**
   * What to do when the service does not let this credential use the grant (`unauthorized_client`):
   * who may sign in this way, and how to get a credential that may. Default: create a new credential.
   */
  readonly unauthorizedClientFix?: string;
  /** What fixes a 403 that a fresh token gets (`Ask an Acme admin to allow this API client to do it`). */
  readonly permissionFix: string;
}
