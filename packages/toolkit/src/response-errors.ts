/**
 * Builds the message a user sees for a failed API response, from the errors its body reports
 * (read by the service's wire format). Pure, so every case is a table row in the tests.
 */
import type { AppFailure } from './app-errors.js';
import { ErrorCode } from './app-errors.js';
import { describeAttempt, targetOf } from './describe-request.js';
import { labelFor, singular } from './field-names.js';
import type { ServiceError } from './wire-format.js';

/** How the user knows a field the service names, and what it accepts. */
interface FieldNote {
  label: string;
  hint?: string;
}

/** Notes by the API name of a field (`msa-date`). */
export type FieldNotes = (field: string) => FieldNote | undefined;

export interface FailedResponse {
  status: number;
  method: string;
  url: string;
  errors: readonly ServiceError[];
  /** Whether the body was an HTML page (a proxy or an outage), never to be quoted. */
  isHtml: boolean;
  /** Labels of the fields of the resource the request was about, given by the code that sent it. */
  fieldNotes?: FieldNotes;
}

const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/** A field the service will not take at all: the user is told to leave it empty. */
const refusedFieldOf = (error: ServiceError): string | undefined => (error.notAllowed ? error.field : undefined);

/** One readable sentence per error: "Name has already been taken.", with what the field accepts when known. */
export const describeError = (error: ServiceError, fieldNotes?: FieldNotes): string => {
  const found = error.field ? fieldNotes?.(error.field) : undefined;
  // What a field accepts does not help when the field is not taken at all.
  const note = found && refusedFieldOf(error) ? { label: found.label } : found;
  const field = note?.label ?? (error.field ? labelFor(error.field) : undefined) ?? error.parameter;
  let detail = (error.detail ?? error.title ?? 'was rejected').trim();
  // Rails-style details repeat the attribute ("name - has already been taken").
  detail = detail.replace(/^[\w-]+ - /, '');
  if (refusedFieldOf(error)) detail = 'is not allowed';
  const text = !field || detail.toLowerCase().startsWith(field.toLowerCase()) ? detail : `${field} ${detail}`;
  return note?.hint ? `${sentence(text)} ${sentence(note.hint)}` : sentence(text);
};

/** After a create whose outcome is unknown: never resend blindly, look first. */
export const mayHaveBeenCreated = (service: string, noun = 'record', findStep?: string): string =>
  ` The ${noun} may or may not have been created: check ${findStep ? `with the ${findStep} step (or in ${service})` : service} ` +
  'before running this step again, so that nothing is created twice.';

const serviceSays = (service: string, errors: readonly ServiceError[], fieldNotes?: FieldNotes): string =>
  errors.length > 0 ? ` ${service} says: ${errors.map((error) => describeError(error, fieldNotes)).join(' ')}` : '';

/** The message and code for a failed response other than 401/403 and 429, which are handled elsewhere. */
export const describeFailure = (service: string, response: FailedResponse): AppFailure => {
  const { status, method, url, errors } = response;
  const attempt = describeAttempt(method, url);
  const says = serviceSays(service, errors, response.fieldNotes);

  if (status === 404) {
    const { collection, id } = targetOf(url, method);
    const message = id
      ? `${service} could not find ${singular(collection)} ${id} (404).${says} Check the ID, and that the connected account is the one that holds it.`
      : `${service} could not find the ${collection} of the connected account (404).${says} The account may have been renamed: reconnect to look it up again.`;
    return { code: ErrorCode.NotFound, status, message };
  }
  if (status === 400 || status === 409 || status === 422) {
    const taken = errors.some((error) => /already (been taken|exists)/i.test(error.detail ?? error.title ?? ''));
    const refused = errors.flatMap((error) => {
      const field = refusedFieldOf(error);
      return field ? [response.fieldNotes?.(field)?.label ?? labelFor(field)] : [];
    });
    const advice = taken
      ? ' Use a different value, or change the existing record instead of creating another.'
      : refused.length > 0
        ? ` ${service} does not take ${refused.join(' or ')} from this connection, and nothing was written: leave ${refused.length > 1 ? 'them' : 'it'} empty and change ${refused.length > 1 ? 'them' : 'it'} in ${service} itself.`
        : ' Correct the field and try again.';
    const body = says || ` ${service} rejected the request to ${attempt}.`;
    return { code: ErrorCode.Validation, status, message: `${body.trim()}${advice}` };
  }
  if (status >= 500) {
    const detail = response.isHtml ? ` ${service} answered with an error page instead of data.` : says;
    const duplicateWarning = method.toUpperCase() === 'POST' ? mayHaveBeenCreated(service) : ' Try again in a few minutes.';
    return {
      code: ErrorCode.Api,
      status,
      message: `${service} had a problem and could not ${attempt} (HTTP ${status}).${detail}${duplicateWarning}`,
    };
  }
  return {
    code: ErrorCode.Api,
    status,
    message: `${service} refused to ${attempt} (HTTP ${status}).${says || ' No further detail was given.'}`,
  };
};

/** The message for a 403 that a fresh token received: a real permission problem; `fix` says who can grant it. */
export const describePermissionDenied = (service: string, response: FailedResponse, fix: string): AppFailure => ({
  code: ErrorCode.Permission,
  status: 403,
  message:
    `${service} does not allow this connection to ${describeAttempt(response.method, response.url)} (403 Forbidden).` +
    `${serviceSays(service, response.errors)} ${fix}, then try again.`,
});

/** A success status whose body is not readable data (truncated, or not JSON at all). */
export const describeUnreadable = (service: string, method: string, url: string, status: number): AppFailure => ({
  code: ErrorCode.Api,
  status,
  message:
    `${service} answered the request to ${describeAttempt(method, url)} (HTTP ${status}) with data that could not be read.` +
    (method.toUpperCase() === 'POST' ? mayHaveBeenCreated(service) : ' Try again in a few minutes.'),
});
