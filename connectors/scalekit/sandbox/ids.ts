/**
 * Scalekit ids are a type prefix plus a 17-19 digit number (`org_59615193906282635`).
 * The sandbox numbers them from one counter, so the seed ids are the same after every reset
 * and ids of later objects never collide with them.
 */
export interface IdCounter {
  next: number;
}

export function newId(prefix: string, counter: IdCounter): string {
  counter.next += 1;
  // 17 digits: a fixed leading digit, then the counter padded to 16 digits.
  return `${prefix}6${String(counter.next).padStart(16, '0')}`;
}
