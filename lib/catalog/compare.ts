import type { WireCatalogEntry } from "@/lib/wavespeed/schema";
import type { ModelEntry } from "./entries";

export type Availability = { available: boolean; reason?: string };

/** Fields Keyframe sends with every take of this model: the live schema may require them without harm. */
function sentFields(entry: ModelEntry): string[] {
  const always = ["duration", "seed", "aspect_ratio", "enable_safety_checker", "image", "last_image", "prompt"];
  return [
    ...always,
    ...(entry.cameraFixed ? ["camera_fixed"] : []),
    ...(entry.resolutions.length > 1 ? ["resolution"] : []),
    ...(entry.audio ? ["generate_audio"] : []),
  ];
}

type WireProperty = NonNullable<
  NonNullable<NonNullable<NonNullable<WireCatalogEntry["api_schema"]>["api_schemas"]>[number]["request_schema"]>["properties"]
>[string];

/** Where the live duration contradicts ours: a numeric range that differs, or an enum missing a duration we offer. */
function durationDiffers(entry: ModelEntry, duration: WireProperty | undefined): string | undefined {
  if (!duration) return undefined;
  const { min, max } = entry.duration;
  if (duration.enum) {
    const offered = duration.enum.map(Number);
    const missing = Array.from({ length: max - min + 1 }, (_, i) => min + i).filter((d) => !offered.includes(d));
    return missing.length ? `duration offers ${duration.enum.join(", ")} s, not ${min}-${max} s` : undefined;
  }
  if (typeof duration.minimum !== "number" || typeof duration.maximum !== "number") return undefined;
  if (duration.minimum === min && duration.maximum === max) return undefined;
  return `duration is ${duration.minimum}-${duration.maximum} s, not ${min}-${max} s`;
}

/**
 * Whether WaveSpeed's live entry for a model agrees with what Keyframe knows of it. A model it no longer lists
 * is retired; one whose schema contradicts ours (range, fields) is unavailable with the reason, never guessed at.
 */
export function compareEntry(entry: ModelEntry, live: WireCatalogEntry | undefined): Availability {
  if (!live) return { available: false, reason: "WaveSpeed no longer lists it" };
  const schema = live.api_schema?.api_schemas?.[0]?.request_schema;
  const props = schema?.properties;
  if (!props) return { available: true };
  const differs: string[] = [];
  const duration = durationDiffers(entry, props.duration);
  if (duration) differs.push(duration);
  if (Boolean(props.camera_fixed) !== entry.cameraFixed)
    differs.push(entry.cameraFixed ? "camera_fixed is gone" : "it now takes camera_fixed");
  if (Boolean(props.generate_audio) !== Boolean(entry.audio))
    differs.push(entry.audio ? "generate_audio is gone" : "it now takes generate_audio");
  const tiers = props.resolution?.enum;
  if (entry.resolutions.length > 1 && !tiers) differs.push("resolution is gone");
  if (tiers && entry.resolutions.some((r) => !tiers.includes(r))) differs.push(`resolution offers ${tiers.join(", ")}`);
  const sent = sentFields(entry);
  const unknownRequired = (schema.required ?? []).filter((name) => !sent.includes(name));
  if (unknownRequired.length) differs.push(`it requires ${unknownRequired.join(", ")}`);
  return differs.length
    ? { available: false, reason: `its live schema differs from Keyframe's: ${differs.join("; ")}` }
    : { available: true };
}
