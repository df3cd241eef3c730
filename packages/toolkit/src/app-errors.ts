/** The few stable error codes users and Zapier see, and the one way to raise them. */
import type { ZObject } from 'zapier-platform-core';
import type { FailedResponse } from './response-errors.js';

export const ErrorCode = {
  Authentication: 'AuthenticationError',
  Permission: 'PermissionError',
  Validation: 'ValidationError',
  NotFound: 'NotFoundError',
  Api: 'ApiError',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface AppFailure {
  message: string;
  code: ErrorCode;
  status?: number;
}

/** What an app error carries as data: its code, the HTTP status, and the failed response it describes. */
interface Carried {
  readonly code: ErrorCode;
  readonly status?: number;
  readonly response?: FailedResponse;
}

/**
 * Core's AppError, which Zapier shows, with the failure kept beside its message as a field (not
 * enumerable, so nothing serialises it): code that catches it reads the field, never the text.
 */
export const appError = (z: ZObject, failure: AppFailure, response?: FailedResponse): Error => {
  const error = new z.errors.Error(failure.message, failure.code, failure.status);
  const carried: Carried = {
    code: failure.code,
    ...(failure.status !== undefined ? { status: failure.status } : {}),
    ...(response ? { response } : {}),
  };
  Object.defineProperty(error, 'failure', { value: carried, enumerable: false });
  return error;
};

const carriedBy = (error: unknown): Carried | undefined =>
  error instanceof Error && 'failure' in error ? (error.failure as Carried) : undefined;

/** Whether an error is one raised by `appError` with this code. */
export const hasErrorCode = (error: unknown, code: ErrorCode): boolean => carriedBy(error)?.code === code;

/** The HTTP status an error raised by `appError` carries, if any. */
export const appErrorStatus = (error: unknown): number | undefined => carriedBy(error)?.status;

/** The failed response an error raised for it carries, if any. */
export const failedResponseOf = (error: unknown): FailedResponse | undefined => carriedBy(error)?.response;
