import type { JsonObject } from '../json.js';
import type { StoredRecord } from '../store.js';
import type { ApiContext } from '../api/context.js';
import { decimalString, inverseRecords } from './related.js';

/**
 * Simplified pricing so totals move when services are added: every hour sells at the flat
 * SANDBOX_HOURLY_RATE and costs 60 % of it. The real service prices by rate tables and resources.
 * A project-service's total counts its own line plus its active project-subservices, and a
 * project's totals add up its project-services' totals.
 */
const SANDBOX_HOURLY_RATE = 150;
const COST_SHARE = 0.6;

/** quantity × override-hours of one line (a project-service or a project-subservice on its own). */
export function lineHours(line: StoredRecord): number {
  const quantity = Number(line.attributes['quantity'] ?? 1);
  const hours = Number(line.attributes['override-hours'] ?? 0);
  return (Number.isFinite(quantity) ? quantity : 1) * (Number.isFinite(hours) ? hours : 0);
}

/** The active project-subservices of a project-service. */
function activeSubservices(service: StoredRecord, context: ApiContext): StoredRecord[] {
  return inverseRecords(service, 'project-subservices', 'project-service', context).filter(
    (subservice) => subservice.attributes['active'] !== false,
  );
}

/** A project-service's own line plus its active project-subservices. */
export function serviceTotalHours(service: StoredRecord, context: ApiContext): number {
  return activeSubservices(service, context).reduce((sum, subservice) => sum + lineHours(subservice), lineHours(service));
}

/** `calculated-pricing` for a number of hours, with the snake_case keys the real API uses. */
export function calculatedPricing(hours: number): JsonObject {
  const revenue = hours * SANDBOX_HOURLY_RATE;
  return {
    service_revenue: decimalString(revenue, 1),
    service_cost: decimalString(revenue * COST_SHARE, 1),
    material_revenue: '0.0',
    material_cost: 0,
    extended_hours: decimalString(hours, 1),
  };
}

export function projectRevenue(project: StoredRecord, context: ApiContext): number {
  return inverseRecords(project, 'project-services', 'project', context).reduce(
    (sum, service) => sum + serviceTotalHours(service, context) * SANDBOX_HOURLY_RATE,
    0,
  );
}

export function projectCost(project: StoredRecord, context: ApiContext): number {
  return projectRevenue(project, context) * COST_SHARE;
}
