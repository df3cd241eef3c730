import { presalesEngineers } from '../src/scopestack/catalog/index.js';
import { dropdownTrigger } from 'connector-toolkit/steps/dropdown-trigger.js';

export default dropdownTrigger(presalesEngineers, { key: 'list_presales_engineers', plural: 'Presales Engineers' });
