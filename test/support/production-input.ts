/**
 * Input as Zapier production hands it to a step: converted field by field by the field's declared
 * type. The model is the one `zapier-platform invoke` uses (it says it mimics production):
 * `resolveInputDataTypes` from zapier-platform-cli. Used by the app tests of steps with typed
 * inputs, by the end-to-end suites and by `npm start` (through ZapRunner).
 */
import { createRequire } from 'node:module';
import type { Bundle, ZObject } from 'zapier-platform-core';
import type zapier from 'zapier-platform-core';

interface Field {
  key: string;
  type?: string;
  default?: string;
  children?: Field[];
}
type Input = Record<string, unknown>;

const require = createRequire(import.meta.url);
const resolveInputDataTypes = require('zapier-platform-cli/src/oclif/commands/invoke/input-types.js') as (
  inputData: Input,
  inputFields: Field[],
  timezone: string,
) => Input;

/** The parts of a bundle a test or runner gives; core's app tester fills in the rest. */
export interface GivenBundle {
  authData?: Record<string, string>;
  inputData?: Input;
  meta?: Partial<Bundle['meta']>;
}

/** Core's app tester, which runs a step function with a bundle as Zapier does. */
export type Invoke = ReturnType<typeof zapier.createAppTester>;
type StepFunction = (z: ZObject, bundle: Bundle) => unknown;

interface Operation {
  inputFields?: readonly unknown[];
}

const isField = (entry: unknown): entry is Field => typeof entry === 'object' && entry !== null && 'key' in entry;

/**
 * The step's input fields as the Zap editor resolved them. Dynamic fields (functions) are asked
 * only when the input carries a key no static field declares: conversion touches only keys that
 * are given, and no dynamic field of the toolkit has a default, so the result is the same
 * without the request, which tests pinning exact requests would otherwise have to answer.
 */
const resolvedFields = async (invoke: Invoke, operation: Operation, bundle: GivenBundle): Promise<Field[]> => {
  const entries = operation.inputFields ?? [];
  const fields = entries.filter(isField);
  const declared = new Set(fields.map((field) => field.key));
  const undeclared = Object.keys(bundle.inputData ?? {}).some((key) => !declared.has(key));
  if (!undeclared) return fields;
  for (const entry of entries) {
    if (typeof entry === 'function') fields.push(...((await invoke(entry as StepFunction, bundle)) as Field[]));
  }
  return fields;
};

/** The input a step of this operation receives in production for `bundle.inputData`, in the Zap owner's time zone. */
export const asProductionDelivers = async (invoke: Invoke, operation: Operation, bundle: GivenBundle): Promise<Input> => {
  const fields = await resolvedFields(invoke, operation, bundle);
  const timezone = bundle.meta?.timezone ?? 'UTC';
  return resolveInputDataTypes(structuredClone(bundle.inputData ?? {}), fields, timezone);
};

/** Runs a step's perform with the input production would deliver. */
export const performAsProduction = async <T = unknown>(invoke: Invoke, step: { operation: object }, bundle: GivenBundle): Promise<T> => {
  const operation = step.operation as Operation & { perform: StepFunction };
  const inputData = await asProductionDelivers(invoke, operation, bundle);
  return (await invoke(operation.perform, { ...bundle, inputData })) as T;
};
