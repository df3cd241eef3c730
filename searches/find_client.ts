import { clients } from '../src/scopestack/catalog/index.js';
import { searchStep } from '../src/toolkit/steps/search.js';

export default searchStep(clients, { key: 'find_client' });
