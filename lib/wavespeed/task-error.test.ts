// backend-free: pure functions, no database or object store
import { describe, expect, test } from "vitest";
import { describeTaskError, finalTaskError } from "./task-error";

describe("describeTaskError", () => {
  test.each([
    [
      "media access failed: image http://cdn.example/x.png could not be fetched: it answered 404",
      1402,
      "WaveSpeed could not fetch the start image from its URL (media access failed: image http://cdn.example/x.png could not be fetched: it answered 404).",
    ],
    [
      "Media access failed: last_image https://cdn.example/end.png",
      1402,
      "WaveSpeed could not fetch the end image from its URL (Media access failed: last_image https://cdn.example/end.png).",
    ],
    ["content flagged", 1200, "WaveSpeed's content moderation refused this request (content flagged)."],
    ["Invalid parameter: duration", 1401, "WaveSpeed refused a parameter of this request (Invalid parameter: duration)."],
    [
      "Task failed: the model could not generate this video.",
      1403,
      "WaveSpeed could not generate this video (Task failed: the model could not generate this video).",
    ],
    ["boom", 5000, "WaveSpeed had an internal error (boom)."],
    ["Service unavailable", 5003, "WaveSpeed was unavailable (Service unavailable)."],
    ["Timeout", 5004, "WaveSpeed ran out of time for this video (Timeout)."],
  ])("%j with code %i reads as %j", (raw, code, friendly) => {
    expect(describeTaskError(raw, code)).toBe(friendly);
  });

  test("numbers inside the text are never read as a code", () => {
    expect(describeTaskError("media access failed (1402): image could not be fetched")).toBe(
      "media access failed (1402): image could not be fetched",
    );
    expect(describeTaskError("Timeout (5004)")).toBe("Timeout (5004)");
    expect(describeTaskError("seed 14020 was used")).toBe("seed 14020 was used");
  });

  test("text with an unknown code passes through", () => {
    expect(describeTaskError("something new went wrong", 7777)).toBe("something new went wrong");
  });
});

describe("finalTaskError", () => {
  test.each([
    ["cancelled", "Task cancelled by the user", "WaveSpeed cancelled this task (Task cancelled by the user)."],
    ["timeout", "", "WaveSpeed timed out on this task."],
    ["deleted", "Prediction deleted", "WaveSpeed deleted this task (Prediction deleted)."],
    ["failed", "Task failed", "Task failed"],
  ])("a %s task reads in plain words", (status, raw, words) => {
    expect(finalTaskError(status, raw)).toBe(words);
  });

  test("a failed task with only a code still says something", () => {
    expect(finalTaskError("failed", "", 1403)).toBe("WaveSpeed could not generate this video.");
    expect(finalTaskError("failed", "", 9999)).toBe("WaveSpeed reported error code 9999.");
    expect(finalTaskError("failed", "")).toBeNull();
  });
});
