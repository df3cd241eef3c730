import { paymentTerms } from '../src/scopestack/catalog/index.js';
import { dropdownTrigger } from 'connector-toolkit/steps/dropdown-trigger.js';

export default dropdownTrigger(paymentTerms, { key: 'list_payment_terms', plural: 'Payment Terms' });
