/** The ScopeStack app's key contract (`keys.json`; see `test/support/key-contract.ts`). */
import App from '../../src/index.js';
import { checkKeyContract } from '../support/key-contract.js';

checkKeyContract(App, new URL('keys.json', import.meta.url));
