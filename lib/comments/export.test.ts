// backend-free: placeComments and the marker files are pure functions, no database or object store
import { describe, expect, test } from "vitest";
import type { Film, ReviewComment } from "@/lib/db/schema";
import { placeComments } from "./export";
import { markersFcpxml } from "./markers";

const film = { id: "film-1", jobIds: ["take-a", "take-b"], durationMs: 9500 } as Film;
const note = (id: string, atMs: number) =>
  ({
    id,
    parentId: null,
    jobId: "take-a",
    filmId: null,
    atMs,
    endMs: null,
    author: "reviewer",
    name: "Dana",
    body: id,
    resolvedAt: null,
    drawing: null,
    createdAt: 0,
  }) as unknown as ReviewComment;

describe("comments placed on the film", () => {
  test("a note in a take's last half second stays on that shot's last frame, not the next shot's first", () => {
    // The film kept 4.5 s of take A (a 5 s take); take B starts at 4.5 s, frame 108.
    const placed = placeComments(film, [0, 4500], [4500, 5000], [note("tail", 4800), note("edge", 4480), note("mid", 2000)]);
    expect(placed.map((m) => [m.body, m.shot])).toEqual([
      ["mid", 1],
      ["tail", 1],
      ["edge", 1],
    ]);
    const xml = markersFcpxml({ title: "Kite", fileName: "kite.mp4", durationMs: 9500, width: 1280, height: 720 }, placed);
    const starts = [...xml.matchAll(/<marker start="(\d+)\/24s"[^>]*value="Dana: (\w+)"/g)].map((m) => [m[2], Number(m[1])]);
    expect(starts).toEqual([
      ["mid", 48],
      ["tail", 107],
      ["edge", 107],
    ]);
  });
});
