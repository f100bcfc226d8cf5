/**
 * The form's starting values and the helpers the browser needs before any validation: no zod here, so the
 * playground's first load does not carry the schema (it loads on the first check that needs it).
 */
import { DEFAULT_MODEL } from "@/lib/catalog";
import { DURATION_DEFAULT, SEED_MAX } from "@/lib/model/seedance";
import type { GenerateFormValues } from "./generate";

export const GENERATE_DEFAULTS = {
  // Resolution and sound are set only for a model that has them (see switchModel).
  model: DEFAULT_MODEL.id,
  image: null,
  lastImage: null,
  prompt: "",
  duration: DURATION_DEFAULT,
  aspectRatio: "auto",
  cameraFixed: false,
  seed: -1,
  enableSafetyChecker: true,
  variations: 1,
} satisfies GenerateFormValues;

/** The settings a preset carries and a Keyframe MP4 records: the form's fields but for its images and variations. */
export const SETTINGS_FIELDS = ["prompt", "duration", "aspectRatio", "cameraFixed", "seed", "enableSafetyChecker"] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];

/** Seeds per variation: a fixed seed s gives s, s+1, ... (wrapping within range); -1 leaves each to chance. */
export function variationSeeds(seed: number, count: number, random: () => number): number[] {
  return Array.from({ length: count }, (_, i) => (seed === -1 ? random() : (seed + i) % (SEED_MAX + 1)));
}
