import { vendors } from '../src/scopestack/catalog/index.js';
import { searchStep } from 'connector-toolkit/steps/search.js';

export default searchStep(vendors, { key: 'find_vendor' });
