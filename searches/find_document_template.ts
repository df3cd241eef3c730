import { documentTemplates } from '../src/scopestack/catalog/index.js';
import { searchStep } from 'connector-toolkit/steps/search.js';

export default searchStep(documentTemplates, { key: 'find_document_template' });
