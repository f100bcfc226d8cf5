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

test("a live schema that gives duration as an enum or without bounds, or requires fields Keyframe always sends, still agrees", () => {
  const lite = ENTRIES[0]!;
  const entry = () => structuredClone(live.find((l) => l.model_id === lite.id)!);
  const request = (e: ReturnType<typeof entry>) => e.api_schema!.api_schemas![0]!.request_schema!;

  const enumerated = entry();
  request(enumerated).properties!.duration = { type: "integer", enum: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] };
  expect(compareEntry(lite, enumerated)).toEqual({ available: true });

  const unbounded = entry();
  request(unbounded).properties!.duration = { type: "integer", minimum: 2 };
  expect(compareEntry(lite, unbounded)).toEqual({ available: true });

  const required = entry();
  request(required).required = ["image", "prompt", "duration", "seed", "aspect_ratio", "camera_fixed", "enable_safety_checker"];
  expect(compareEntry(lite, required)).toEqual({ available: true });

  const fewer = entry();
  request(fewer).properties!.duration = { type: "integer", enum: [5, 10] };
  request(fewer).required = ["image", "motion_strength"];
  expect(compareEntry(lite, fewer)).toEqual({
    available: false,
    reason: "its live schema differs from Keyframe's: duration offers 5, 10 s, not 2-12 s; it requires motion_strength",
  });
});
