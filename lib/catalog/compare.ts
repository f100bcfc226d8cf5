import type { WireCatalogEntry } from "@/lib/wavespeed/schema";
import type { ModelEntry } from "./entries";

export type Availability = { available: boolean; reason?: string };

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
  const duration = props.duration;
  if (duration && (duration.minimum !== entry.duration.min || duration.maximum !== entry.duration.max))
    differs.push(`duration is ${duration.minimum ?? "?"}-${duration.maximum ?? "?"} s, not ${entry.duration.min}-${entry.duration.max} s`);
  if (Boolean(props.camera_fixed) !== entry.cameraFixed)
    differs.push(entry.cameraFixed ? "camera_fixed is gone" : "it now takes camera_fixed");
  if (Boolean(props.generate_audio) !== Boolean(entry.audio))
    differs.push(entry.audio ? "generate_audio is gone" : "it now takes generate_audio");
  const tiers = props.resolution?.enum;
  if (entry.resolutions.length > 1 && !tiers) differs.push("resolution is gone");
  if (tiers && entry.resolutions.some((r) => !tiers.includes(r))) differs.push(`resolution offers ${tiers.join(", ")}`);
  const required = schema.required ?? [];
  const unknownRequired = required.filter((name) => !["image", "prompt"].includes(name));
  if (unknownRequired.length) differs.push(`it requires ${unknownRequired.join(", ")}`);
  return differs.length
    ? { available: false, reason: `its live schema differs from Keyframe's: ${differs.join("; ")}` }
    : { available: true };
}
