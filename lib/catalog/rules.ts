import type { ModelEntry } from "./entries";

/** The settings a model's schema governs, in Keyframe's words (the simulator maps its wire names onto these). */
export type ModelValues = {
  prompt?: unknown;
  duration?: unknown;
  cameraFixed?: unknown;
  resolution?: unknown;
  generateAudio?: unknown;
};
export type ModelField = keyof ModelValues;
export const WIRE_NAMES: Record<ModelField, string> = {
  prompt: "prompt",
  duration: "duration",
  cameraFixed: "camera_fixed",
  resolution: "resolution",
  generateAudio: "generate_audio",
};

export const durationMessage = (entry: ModelEntry) =>
  `Duration must be a whole number from ${entry.duration.min} to ${entry.duration.max}.`;

/**
 * What a model's schema refuses in these values, one message per field. The form's schema, the route and the
 * simulator all ask here, so the same value gets the same words everywhere.
 */
export function modelProblems(entry: ModelEntry, values: ModelValues): Partial<Record<ModelField, string>> {
  const problems: Partial<Record<ModelField, string>> = {};
  const prompt = typeof values.prompt === "string" ? values.prompt.trim() : "";
  if (entry.promptRequired && !prompt) problems.prompt = `${entry.short} requires a prompt: describe the motion you want.`;
  const { duration } = values;
  if (
    duration !== undefined &&
    (typeof duration !== "number" || !Number.isInteger(duration) || duration < entry.duration.min || duration > entry.duration.max)
  )
    problems.duration = durationMessage(entry);
  if (values.cameraFixed === true && !entry.cameraFixed) problems.cameraFixed = `${entry.short} has no Camera fixed setting.`;
  if (values.resolution !== undefined && values.resolution !== null && !entry.resolutions.includes(values.resolution as never))
    problems.resolution = `Resolution must be one of ${entry.resolutions.join(", ")}.`;
  if (values.generateAudio === true && !entry.audio) problems.generateAudio = `${entry.short} makes silent clips: no Sound setting.`;
  return problems;
}
