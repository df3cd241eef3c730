import { salesExecutives } from '../src/scopestack/catalog/index.js';
import { updateStep } from 'connector-toolkit/steps/write-step.js';

export default updateStep(salesExecutives, {
  key: 'update_sales_executive',
  dropdown: 'list_sales_executives',
  search: 'find_sales_executive',
});
