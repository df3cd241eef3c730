import { services } from '../src/scopestack/catalog/index.js';
import { searchStep } from '../src/toolkit/steps/search.js';

export default searchStep(services, { key: 'find_service' });
