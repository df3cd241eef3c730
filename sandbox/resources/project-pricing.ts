import type { StoredRecord } from '../store.js';
import type { ApiContext } from '../api/context.js';
import { inverseRecords } from './related.js';

/**
 * Simplified pricing so totals move when services are added: every hour sells at the flat
 * SANDBOX_HOURLY_RATE and costs 60 % of it. The real service prices by rate tables and resources.
 */
const SANDBOX_HOURLY_RATE = 150;
const COST_SHARE = 0.6;

export function serviceHours(service: StoredRecord): number {
  const quantity = Number(service.attributes['quantity'] ?? 1);
  const hours = Number(service.attributes['override-hours'] ?? 0);
  return (Number.isFinite(quantity) ? quantity : 1) * (Number.isFinite(hours) ? hours : 0);
}

export function serviceRevenue(service: StoredRecord): number {
  return serviceHours(service) * SANDBOX_HOURLY_RATE;
}

export function projectRevenue(project: StoredRecord, context: ApiContext): number {
  return inverseRecords(project, 'project-services', 'project', context).reduce((sum, service) => sum + serviceRevenue(service), 0);
}

export function projectCost(project: StoredRecord, context: ApiContext): number {
  return projectRevenue(project, context) * COST_SHARE;
}
