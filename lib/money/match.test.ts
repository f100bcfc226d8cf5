import { describe, expect, test } from "vitest";
import type { HistoryTask } from "@/lib/wavespeed/books";
import { matchLost, SKEW_MS } from "./match";

const lost = { prompt: "A fox", duration: 5, images: ["https://cdn.example/a.png"], windowStart: 100_000, windowEnd: 102_000 };
const task = (id: string, createdAt: number, input: HistoryTask["input"] = null): HistoryTask => ({
  id,
  model: "m",
  status: "completed",
  createdAt,
  input,
});

describe("matching a lost submit to WaveSpeed's history", () => {
  test("by time: the one unknown task in the window, none outside it, none already known", () => {
    expect(matchLost(lost, [task("a", 101_000)], new Set(), [])).toEqual({ kind: "one", taskId: "a", createdAt: 101_000 });
    expect(matchLost(lost, [task("b", 102_000 + SKEW_MS + 1)], new Set(), [])).toEqual({ kind: "none" });
    expect(matchLost(lost, [task("a", 101_000)], new Set(["a"]), [])).toEqual({ kind: "none" });
  });

  test("by time, another lost submit in the same window or two tasks in it: several, for an admin", () => {
    const rival = { windowStart: 100_500, windowEnd: 101_500 };
    expect(matchLost(lost, [task("a", 101_000)], new Set(), [rival])).toEqual({ kind: "several", taskIds: ["a"] });
    const before = { windowStart: 90_000, windowEnd: 94_000 };
    expect(matchLost(lost, [task("a", 101_000)], new Set(), [before])).toEqual({ kind: "one", taskId: "a", createdAt: 101_000 });
    expect(matchLost(lost, [task("a", 101_000), task("b", 101_500)], new Set(), [])).toEqual({ kind: "several", taskIds: ["a", "b"] });
  });

  test("where the history echoes the input: prompt, duration and image decide, even beside rivals", () => {
    const mine = task("a", 101_000, { prompt: "A fox", image: "https://cdn.example/a.png", duration: 5 });
    const theirs = task("b", 101_200, { prompt: "A fox", image: "https://cdn.example/b.png", duration: 5 });
    const longer = task("c", 101_300, { prompt: "A fox", image: null, duration: 10 });
    expect(matchLost(lost, [mine, theirs, longer], new Set(), [{ windowStart: 100_000, windowEnd: 102_000 }])).toEqual({
      kind: "one",
      taskId: "a",
      createdAt: 101_000,
    });
    expect(matchLost(lost, [theirs, longer], new Set(), [])).toEqual({ kind: "none" });
  });
});
