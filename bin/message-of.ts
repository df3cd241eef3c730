/** What a user would read from a failed step: the message of a Zapier app error (a JSON envelope), or the error's own. */
export const messageOf = (error: unknown): string => {
  const text = error instanceof Error ? error.message : String(error);
  try {
    const { message } = JSON.parse(text) as { message?: unknown };
    return typeof message === 'string' ? message : text;
  } catch {
    return text;
  }
};
