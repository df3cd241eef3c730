import { documentTemplates } from '../src/scopestack/catalog/index.js';
import { dropdownTrigger } from 'connector-toolkit/steps/dropdown-trigger.js';

export default dropdownTrigger(documentTemplates, { key: 'list_document_templates', plural: 'Document Templates' });
