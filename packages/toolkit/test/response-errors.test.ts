import { jsonApiFormat } from '../src/formats/json-api-format.js';
import type { ErrorObject } from '../src/formats/json-api.js';
import { describeError, describeFailure, describePermissionDenied, describeUnreadable } from '../src/response-errors.js';
import type { ServiceError } from '../src/wire-format.js';

/** JSON:API error objects as the JSON:API format reads them from an error body. */
const read = (...errors: ErrorObject[]): ServiceError[] => jsonApiFormat.errorsOf({ errors });
const one = (error: ErrorObject): ServiceError => read(error)[0] ?? {};

const base = { method: 'POST', url: 'https://api.example/acme/v1/clients', errors: [], isHtml: false };

describe('describeError', () => {
  it.each([
    [{ detail: 'name - has already been taken', source: { pointer: '/data/attributes/name' } }, 'Name has already been taken.'],
    [{ title: "can't be blank", source: { pointer: '/data/attributes/project-name' } }, "Project Name can't be blank."],
    [{ detail: 'Client must exist', source: { pointer: '/data/relationships/client' } }, 'Client must exist.'],
    [{ detail: 'is not a valid sort criteria', source: { parameter: 'sort' } }, 'sort is not a valid sort criteria.'],
    [{ title: 'Internal Server Error' }, 'Internal Server Error.'],
    [{ detail: "can't be blank\n", source: { pointer: '/data/attributes/name' } }, "Name can't be blank."],
    [{ detail: '  name - is too long  ', source: { pointer: '/data/attributes/name' } }, 'Name is too long.'],
    [{ detail: "can't be blank", source: { pointer: '/data/attributes/name/' } }, "Name can't be blank."],
    [{ detail: 'must be less than 1.5', source: { pointer: '/data/attributes/hours' } }, 'Hours must be less than 1.5.'],
    [{ detail: 'Is it taken?' }, 'Is it taken?'],
    [
      { detail: 'must follow the start - end order', source: { pointer: '/data/attributes/dates' } },
      'Dates must follow the start - end order.',
    ],
  ])('reads %o as "%s"', (error, text) => {
    expect(describeError(one(error))).toBe(text);
  });

  it('names a field by the label the step shows, and adds what the field accepts', () => {
    const notes = (field: string) => (field === 'msa-date' ? { label: 'MSA Date', hint: 'Use a date like 2025-01-31' } : undefined);
    expect(describeError(one({ title: 'is not a valid date', source: { pointer: '/data/attributes/msa-date' } }), notes)).toBe(
      'MSA Date is not a valid date. Use a date like 2025-01-31.',
    );
  });

  it('names a field the server will not take at all by its label, without what its values may be', () => {
    const notes = (field: string) => (field === 'status' ? { label: 'Status', hint: 'Allowed moves: …' } : undefined);
    expect(describeError(one({ title: 'Param not allowed', detail: 'status is not allowed.', code: '105' }), notes)).toBe(
      'Status is not allowed.',
    );
    expect(describeError(one({ title: 'Param not allowed', detail: 'manufacturer-name is not allowed.' }))).toBe(
      'Manufacturer Name is not allowed.',
    );
    expect(
      describeError(
        one({ title: 'Param not allowed', detail: 'status is not allowed.', source: { pointer: '/data/attributes/status' } }),
        notes,
      ),
    ).toBe('Status is not allowed.');
    // A refused filter is not a field the user filled in.
    expect(describeError(one({ title: 'Filter not allowed', detail: 'name is not allowed.', code: '102' }), notes)).toBe(
      'name is not allowed.',
    );
  });

  it('ignores a pointer to the whole document', () => {
    expect(one({ detail: 'is invalid', source: { pointer: '/data' } }).field).toBeUndefined();
  });
});

describe('describeFailure', () => {
  it('names the field and suggests finding the record first when a value is taken', () => {
    const failure = describeFailure('Acme', {
      ...base,
      status: 422,
      errors: read({ detail: 'name - has already been taken', source: { pointer: '/data/attributes/name' } }),
    });
    expect(failure).toEqual({
      code: 'ValidationError',
      status: 422,
      message: 'Acme says: Name has already been taken. Use a different value, or change the existing record instead of creating another.',
    });
  });

  it('says to leave empty, and change in the service itself, the fields the server will not take', () => {
    const notes = (field: string) => ({ status: { label: 'Status' } })[field];
    const failure = describeFailure('Acme', {
      ...base,
      method: 'PATCH',
      url: 'https://api.example/acme/v1/projects/9',
      status: 400,
      errors: read({ title: 'Param not allowed', detail: 'status is not allowed.', code: '105', status: '400' }),
      fieldNotes: notes,
    });
    expect(failure).toEqual({
      code: 'ValidationError',
      status: 400,
      message:
        'Acme says: Status is not allowed. Acme does not take Status from this connection, and nothing was written: ' +
        'leave it empty and change it in Acme itself.',
    });
  });

  it.each([400, 409, 422])('names what was rejected when a %i gives no errors', (status) => {
    expect(describeFailure('Acme', { ...base, status })).toEqual({
      code: 'ValidationError',
      status,
      message: 'Acme rejected the request to create clients. Correct the field and try again.',
    });
  });

  it('explains a 404 as a wrong id or account', () => {
    const failure = describeFailure('Acme', { ...base, method: 'GET', url: 'https://api.example/acme/v1/clients/77', status: 404 });
    expect(failure.code).toBe('NotFoundError');
    expect(failure.message).toBe(
      'Acme could not find client 77 (404). Check the ID, and that the connected account is the one that holds it.',
    );
  });

  it('warns that a create that failed on the server may still have happened', () => {
    const failure = describeFailure('Acme', { ...base, status: 502, isHtml: true });
    expect(failure.message).toBe(
      'Acme had a problem and could not create clients (HTTP 502). Acme answered with an error page instead of data. The record may or may not have been created: check Acme before running this step again, so that nothing is created twice.',
    );
  });

  it('never quotes the host or query of the URL', () => {
    const failure = describeFailure('Acme', {
      ...base,
      method: 'GET',
      url: 'https://api.example/acme/v1/clients?filter[name]=x',
      status: 500,
    });
    expect(failure.message).not.toMatch(/api\.example|filter/);
  });
});

describe('describePermissionDenied', () => {
  it('names what was attempted and who can fix it', () => {
    expect(describePermissionDenied('Acme', { ...base, status: 403 }, 'Ask an Acme admin to allow this API client to do it').message).toBe(
      'Acme does not allow this connection to create clients (403 Forbidden). Ask an Acme admin to allow this API client to do it, then try again.',
    );
  });
});

describe('describeUnreadable', () => {
  const CHECK_FIRST =
    ' The record may or may not have been created: check Acme before running this step again, so that nothing is created twice.';

  it.each([
    ['POST', `Acme answered the request to create clients (HTTP 201) with data that could not be read.${CHECK_FIRST}`],
    ['post', `Acme answered the request to create clients (HTTP 201) with data that could not be read.${CHECK_FIRST}`],
    ['GET', 'Acme answered the request to read clients (HTTP 201) with data that could not be read. Try again in a few minutes.'],
  ])('after a %s, warns that a record may exist only when the request could have created one', (method, message) => {
    expect(describeUnreadable('Acme', method, 'https://api.acme.test/v1/clients', 201)).toEqual({ code: 'ApiError', status: 201, message });
  });

  it('does not warn about a create after an update', () => {
    expect(describeUnreadable('Acme', 'PATCH', 'https://api.acme.test/v1/clients/12', 200).message).toBe(
      'Acme answered the request to update client 12 (HTTP 200) with data that could not be read. Try again in a few minutes.',
    );
  });
});

describe('describeFailure for server errors and conflicts', () => {
  it.each([
    [409, [{ title: 'Conflict', detail: 'Name has already been taken' }], 'ValidationError', 'Use a different value'],
    [400, [{ title: 'Bad request' }], 'ValidationError', 'Correct the field and try again.'],
    [422, [{ detail: 'Other problem' }, { detail: 'Code has already been taken' }], 'ValidationError', 'Use a different value'],
    [500, [], 'ApiError', 'may or may not have been created'],
    [499, [], 'ApiError', 'No further detail was given.'],
  ] as const)('treats HTTP %i %j as a %s that says "%s"', (status, errors, code, advice) => {
    const failure = describeFailure('Acme', { ...base, status, errors: read(...errors) });
    expect(failure.code).toBe(code);
    expect(failure.message).toContain(advice);
  });

  it('warns after a failed create, and not after a failed read, that the record may exist', () => {
    const created = describeFailure('Acme', { ...base, method: 'post', status: 502, errors: [] });
    expect(created.message).toContain('may or may not have been created');
    const read = describeFailure('Acme', { ...base, method: 'GET', status: 502, errors: [] });
    expect(read.message).not.toContain('created');
  });
});
