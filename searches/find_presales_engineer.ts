import { presalesEngineers } from '../src/scopestack/catalog/index.js';
import { searchStep } from 'connector-toolkit/steps/search.js';

export default searchStep(presalesEngineers, { key: 'find_presales_engineer' });
