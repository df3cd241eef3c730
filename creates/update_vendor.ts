import { vendors } from '../src/scopestack/catalog/index.js';
import { updateStep } from 'connector-toolkit/steps/write-step.js';

export default updateStep(vendors, { key: 'update_vendor', dropdown: 'list_vendors', search: 'find_vendor' });
