// backend-free: the catalog against the simulator's catalog, pure functions
import { expect, test } from "vitest";
import { catalog } from "@/lib/simulator/catalog";
import { catalogEntrySchema } from "@/lib/wavespeed/schema";
import { compareEntry } from "./compare";
import { ENTRIES } from ".";

const live = catalog().map((item) => catalogEntrySchema.parse(item));
const two = ENTRIES.find((e) => e.short === "2.0")!;

test("every model the simulator publishes agrees with the snapshot", () => {
  for (const entry of ENTRIES)
    expect(
      compareEntry(
        entry,
        live.find((l) => l.model_id === entry.id),
      ),
    ).toEqual({ available: true });
});

test("a model WaveSpeed no longer lists is retired; one whose schema moved is unavailable with the reason", () => {
  expect(compareEntry(ENTRIES[0]!, undefined)).toEqual({ available: false, reason: "WaveSpeed no longer lists it" });
  const moved = structuredClone(live.find((l) => l.model_id === two.id)!);
  const props = moved.api_schema!.api_schemas![0]!.request_schema!.properties!;
  props.duration!.maximum = 20;
  props.camera_fixed = { type: "boolean" };
  expect(compareEntry(two, moved)).toEqual({
    available: false,
    reason: "its live schema differs from Keyframe's: duration is 4-20 s, not 4-15 s; it now takes camera_fixed",
  });
});
