/** A plain-text table for the terminal: step, result, HTTP requests. */
export interface Row {
  step: string;
  result: string;
  requests: number;
}

const WIDTH = { step: 34, result: 78 };

const fit = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

export const printTable = (rows: readonly Row[]): void => {
  const line = `${'-'.repeat(WIDTH.step)}-+-${'-'.repeat(WIDTH.result)}-+-----`;
  console.log(`${fit('Step', WIDTH.step)} | ${fit('Result', WIDTH.result)} | HTTP`);
  console.log(line);
  for (const row of rows)
    console.log(`${fit(row.step, WIDTH.step)} | ${fit(row.result, WIDTH.result)} | ${String(row.requests).padStart(4)}`);
};
