import { describe, expect, test } from "vitest";
import { describeTaskError } from "./task-error";

describe("describeTaskError", () => {
  test.each([
    [
      "media access failed (1402): image http://cdn.example/x.png could not be fetched: it answered 404",
      "WaveSpeed could not fetch the start image from its URL (media access failed (1402): image http://cdn.example/x.png could not be fetched: it answered 404).",
    ],
    [
      "Media access failed: last_image https://cdn.example/end.png",
      "WaveSpeed could not fetch the end image from its URL (Media access failed: last_image https://cdn.example/end.png).",
    ],
    ["error code 1402", "WaveSpeed could not fetch an input image from its URL (error code 1402)."],
    ["1200: content flagged", "WaveSpeed's content moderation refused this request (1200: content flagged)."],
    ["Invalid parameter (1401): duration", "WaveSpeed refused a parameter of this request (Invalid parameter (1401): duration)."],
    [
      "Task failed: the model could not generate this video (simulated failure, code 1403).",
      "WaveSpeed could not generate this video (Task failed: the model could not generate this video (simulated failure, code 1403)).",
    ],
    ["Internal error (5000): boom", "WaveSpeed had an internal error (Internal error (5000): boom)."],
    ["Service unavailable (5003)", "WaveSpeed was unavailable (Service unavailable (5003))."],
    ["Timeout (5004)", "WaveSpeed ran out of time for this video (Timeout (5004))."],
  ])("%j reads as %j", (raw, friendly) => {
    expect(describeTaskError(raw)).toBe(friendly);
  });

  test("text without a known code passes through", () => {
    expect(describeTaskError("something new went wrong")).toBe("something new went wrong");
    expect(describeTaskError("seed 14020 was used")).toBe("seed 14020 was used");
  });
});
