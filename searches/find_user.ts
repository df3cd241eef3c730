import { users } from '../src/scopestack/catalog/index.js';
import { searchStep } from '../src/toolkit/steps/search.js';

export default searchStep(users, { key: 'find_user' });
