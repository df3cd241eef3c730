/** Zapier's publishing rules over every step and field of the Scalekit app. */
import App from '../src/index.js';
import { checkPublishing } from '../../../test/support/publishing-checks.js';

checkPublishing(App);
