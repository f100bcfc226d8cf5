import { z } from "zod";
import { extend, pick } from "zod/mini";
import { DEFAULT_MODEL } from "@/lib/catalog";
import { generateFields, modelRules } from "./generate";
import { plainText } from "./plain-text";

export const PRESET_NAME_MAX = 40;
export const presetNameSchema = plainText("The preset name", PRESET_NAME_MAX);

/** A preset is the form's prompt and settings (not its images), checked exactly as the form checks them. */
export const presetSchema = extend(
  pick(generateFields, { prompt: true, duration: true, aspectRatio: true, cameraFixed: true, seed: true, enableSafetyChecker: true }),
  { name: presetNameSchema },
).check(modelRules<{ duration: number }>(DEFAULT_MODEL.id));
export type PresetInput = z.input<typeof presetSchema>;
export const renamePresetSchema = z.object({ name: presetNameSchema });
