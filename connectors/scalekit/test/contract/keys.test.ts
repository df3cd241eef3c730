/** The Scalekit app's key contract (`keys.json`; see `test/support/key-contract.ts` at the root). */
import App from '../../src/index.js';
import { checkKeyContract } from '../../../../test/support/key-contract.js';

checkKeyContract(App, new URL('keys.json', import.meta.url));
