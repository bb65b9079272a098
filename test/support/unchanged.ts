import { expect } from "vitest";

/** Runs a request and proves that no table changed: every row of every domain table is compared. */
export async function expectNothingStored<T>(h: { tables(): Record<string, unknown[]> }, act: () => Promise<T>): Promise<T> {
  const before = h.tables();
  const result = await act();
  expect(h.tables()).toEqual(before);
  return result;
}
