/** Zapier's publishing rules over every step and field of the ScopeStack app (see `test/support/publishing-checks.ts`). */
import App from '../../src/index.js';
import { checkPublishing } from '../support/publishing-checks.js';

checkPublishing(App);
