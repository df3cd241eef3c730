/** The Organization field of the steps about one organization's users: its ID fills the request path. */
import type { PlainInputField } from 'zapier-platform-core';

export const organizationField = (help: string, altersDynamicFields = false): PlainInputField => ({
  key: 'organization_id',
  label: 'Organization',
  type: 'string',
  required: true,
  dynamic: 'list_organizations.id.label',
  search: 'find_organization.id',
  helpText: `${help} Pick one, or map its Scalekit ID (such as org_59615193906282635) from an earlier step.`,
  ...(altersDynamicFields ? { altersDynamicFields } : {}),
});

/** A generated step with the Organization field first. */
export const withOrganizationField = <S extends { operation: { inputFields?: unknown } }>(step: S, field: PlainInputField): S => {
  const fields = Array.isArray(step.operation.inputFields) ? (step.operation.inputFields as unknown[]) : [];
  return { ...step, operation: { ...step.operation, inputFields: [field, ...fields] } };
};
