// backend-free: pure functions, no database or object store
import { describe, expect, test } from "vitest";
import { filmDifference } from "./difference";

describe("whether a film still matches its board", () => {
  test.each([
    [["a", "b", "c"], ["a", "b", "c"], null],
    [["a", "b", "c"], ["a", "x", "c"], "Shot 2 has another pick now."],
    [["a", "b", "c"], ["x", "b", "y"], "Shots 1 and 3 have other picks now."],
    [["a", "b", "c", "d", "e", "f", "g"], ["1", "2", "3", "4", "5", "6", "g"], "Shots 1, 2, 3, 4, 5 and 1 more have other picks now."],
    [["a", "b", "c"], ["c", "a", "b"], "The shots were reordered since."],
    [["a", "b"], ["a", "b", "c"], "The board has 3 shots now; this film has 2."],
    [["a", "b"], ["a"], "The board has 1 shot now; this film has 2."],
    [["a"], [], "The board has no shots now."],
  ])("%j exported, %j picked now: %s", (film, board, expected) => {
    expect(filmDifference(film, board)).toBe(expected);
  });
});
