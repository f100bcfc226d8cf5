import { z } from "zod";
import { enum as oneOf, extend, nullable, optional, pick } from "zod/mini";
import { DEFAULT_MODEL, MODEL_IDS } from "@/lib/catalog";
import { generateFields, modelRules } from "./generate";
import { plainText } from "./plain-text";

export const PRESET_NAME_MAX = 40;
export const presetNameSchema = plainText("The preset name", PRESET_NAME_MAX);

/**
 * A preset is the form's model, prompt and settings (not its images), checked exactly as the form checks them
 * for that model (lite 480p's rules when it names none).
 */
export const presetSchema = extend(
  pick(generateFields, { prompt: true, duration: true, aspectRatio: true, cameraFixed: true, seed: true, enableSafetyChecker: true }),
  {
    name: presetNameSchema,
    model: optional(nullable(oneOf(MODEL_IDS as [string, ...string[]], { error: "Choose one of the models offered." }))),
  },
).check(modelRules<{ duration: number }>(DEFAULT_MODEL.id));
export type PresetInput = z.input<typeof presetSchema>;
export const renamePresetSchema = z.object({ name: presetNameSchema });
