import { expect, test } from "vitest";
import { FaultBook, parseFaultSpec } from "./faults";

test("parses targets, kinds and counts", () => {
  expect(parseFaultSpec("result:500x2, submit:429,any:slowx*")).toEqual([
    { target: "result", kind: "500", remaining: 2 },
    { target: "submit", kind: "429", remaining: 1 },
    { target: "any", kind: "slow", remaining: Infinity },
  ]);
  expect(() => parseFaultSpec("result:explode")).toThrow(/Bad fault rule/);
});

test("rules are used up in order; a header wins for one request", () => {
  const book = new FaultBook();
  book.set("result:500x2,result:429");
  expect(book.take("submit", undefined)).toBeUndefined();
  expect(book.take("result", "malformed")).toBe("malformed");
  expect([
    book.take("result", undefined),
    book.take("result", undefined),
    book.take("result", undefined),
    book.take("result", undefined),
  ]).toEqual(["500", "500", "429", undefined]);
});
