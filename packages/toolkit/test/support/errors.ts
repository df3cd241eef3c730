/**
 * Rejections in tests, typed: what a promise rejects with is `unknown` until it is checked, and
 * core's errors (AppError, ThrottledError, ...) carry a JSON body in their message.
 */

/** The JSON body core writes into an error's message. */
export interface ErrorBody {
  message?: string;
  code?: string;
  status?: number;
  delay?: number;
}

/** The error a promise rejects with; throws (failing the test) when it resolves or rejects with a non-Error. */
export const rejectionOf = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise;
  } catch (caught: unknown) {
    if (caught instanceof Error) return caught;
    throw new Error(`expected an Error, but the promise rejected with a ${typeof caught}`, { cause: caught });
  }
  throw new Error('expected the promise to reject, but it resolved');
};

/** The JSON body of a core error's message. */
export const errorBodyOf = (error: Error): ErrorBody => JSON.parse(error.message) as ErrorBody;

/** The body of the app error a promise rejects with: what Zapier shows the user, with its code. */
export const appErrorOf = async (promise: Promise<unknown>): Promise<ErrorBody> => errorBodyOf(await rejectionOf(promise));
