import { searchStep } from 'connector-toolkit/steps/search.js';
import { organizations } from '../src/scalekit/catalog.js';

export default searchStep(organizations, { key: 'find_organization' });
