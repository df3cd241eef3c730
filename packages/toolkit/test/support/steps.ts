/** Typed access to step functions for tests (core's step types are unions over trigger kinds). */
import type { Bundle, ZObject } from 'zapier-platform-core';

export type Perform<T = unknown> = (z: ZObject, bundle: Bundle) => Promise<T>;

export const performOf = <T = unknown>(step: { operation: object }): Perform<T> => (step.operation as { perform: Perform<T> }).perform;
