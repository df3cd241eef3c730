/** The few stable error codes users and Zapier see, and the one way to raise them. */
import type { ZObject } from 'zapier-platform-core';

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

export const appError = (z: ZObject, failure: AppFailure): Error => new z.errors.Error(failure.message, failure.code, failure.status);

/** Whether an error is one raised by `appError` with this code (core carries it inside the message). */
export const hasErrorCode = (error: unknown, code: ErrorCode): boolean => {
  if (!(error instanceof Error) || error.name !== 'AppError') return false;
  try {
    return (JSON.parse(error.message) as { code?: unknown }).code === code;
  } catch {
    return false;
  }
};

/** The HTTP status an error raised by `appError` carries, if any. */
export const appErrorStatus = (error: unknown): number | undefined => {
  if (!(error instanceof Error) || error.name !== 'AppError') return undefined;
  try {
    const { status } = JSON.parse(error.message) as { status?: unknown };
    return typeof status === 'number' ? status : undefined;
  } catch {
    return undefined;
  }
};
