// backend-free: pure functions, no database or object store
import { expect, test } from "vitest";
import { FaultBook, lateSeconds, parseFaultSpec } from "./faults";

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

test("new kinds and targets: 401, 403, 429ra, code500, late<N>, task endings, upload/put/binary", () => {
  expect(parseFaultSpec("upload:404x*,put:code500,binary:403,submit:late40x2,result:429ra,any:401,submit:cancelled")).toEqual([
    { target: "upload", kind: "404", remaining: Infinity },
    { target: "put", kind: "code500", remaining: 1 },
    { target: "binary", kind: "403", remaining: 1 },
    { target: "submit", kind: "late40", remaining: 2 },
    { target: "result", kind: "429ra", remaining: 1 },
    { target: "any", kind: "401", remaining: 1 },
    { target: "submit", kind: "cancelled", remaining: 1 },
  ]);
  expect(lateSeconds("late40")).toBe(40);
  expect(lateSeconds("429")).toBeUndefined();
  expect(() => parseFaultSpec("submit:latex")).toThrow(/Bad fault rule/);
  expect(new FaultBook().take("submit", "late3")).toBe("late3");
});
