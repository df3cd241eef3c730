/** The ScopeStack resources this integration knows, one entry per JSON:API type. */
export { clients } from './clients.js';
