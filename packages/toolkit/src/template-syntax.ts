/**
 * Text a user typed that happens to look like Zapier's template syntax (`{{…}}`) is data, but
 * core reads it as a template: it refuses a request whose body holds `{{bundle.…}}`, and it
 * removes every `{{…}}` from query parameters. In a JSON body such text is sent in a form that
 * means the same to the service (`{` as its escape `\u007b`); in a query it cannot be sent as
 * typed, so the step refuses it first (`hasTemplateSyntax`).
 */
import type { HttpRequestOptions } from 'zapier-platform-core';

const OPENING = '{{';

/** What core would take out of a query parameter. */
export const hasTemplateSyntax = (text: string): boolean => /\{\{.*?\}\}/s.test(text);

/** `{{` only occurs inside strings of a JSON text, where `\u007b` reads as `{`. */
export const sendableAsTyped = <R extends HttpRequestOptions>(request: R): R =>
  typeof request.body === 'string' && request.body.includes(OPENING)
    ? { ...request, body: request.body.replaceAll(OPENING, '{\\u007b') }
    : request;
