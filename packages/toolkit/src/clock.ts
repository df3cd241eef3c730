/**
 * Time as the toolkit waits on it. One object, so that tests can take the clock in hand (advance
 * it instead of sleeping) in the code they import and in the built app alike.
 */
export const clock = {
  now: (): number => Date.now(),
  sleep: (ms: number): Promise<void> =>
    new Promise((resolve) => {
      setTimeout(resolve, ms);
    }),
};
