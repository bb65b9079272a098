import { expect } from "vitest";
import type { Harness } from "./bot-harness.ts";

/** Runs a request and proves that no table changed: every row of every domain table is compared. */
export async function expectNothingStored<T>(h: Harness, act: () => Promise<T>): Promise<T> {
  const before = h.tables();
  const result = await act();
  expect(h.tables()).toEqual(before);
  return result;
}
