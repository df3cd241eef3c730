/** What every step generator accepts beyond the resource spec. */
export interface StepOptions<K extends string> {
  key: K;
  /** Overrides for the generated label and description. */
  label?: string;
  description?: string;
  /** Marks a step that only feeds dropdowns. */
  hidden?: boolean;
}
