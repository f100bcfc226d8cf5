import { MODEL_ID, MODEL_NAME, type AspectChoice } from "@/lib/model/seedance";
import { generateSchema, type GenerateRequest } from "@/lib/validations/generate";
import { SETTINGS_FIELDS, type SettingsField } from "@/lib/validations/generate-defaults";

/**
 * A Keyframe MP4 carries the settings it was made with: a JSON object in its `comment` tag (what the form
 * reads back when the file is dropped on it), the prompt as its `title`, and a line for people in
 * `description`. ffprobe and most players show all three.
 */
export type TakeSettings = {
  prompt: string;
  seed: number;
  duration: number;
  aspectRatio: AspectChoice;
  cameraFixed: boolean;
  enableSafetyChecker: boolean;
};

export { SETTINGS_FIELDS, type SettingsField } from "@/lib/validations/generate-defaults";

export function settingsTags(settings: TakeSettings): Record<"title" | "comment" | "description", string> {
  const { prompt, seed, duration, aspectRatio, cameraFixed, enableSafetyChecker } = settings;
  return {
    title: prompt,
    comment: JSON.stringify({ keyframe: 1, model: MODEL_ID, prompt, seed, duration, aspectRatio, cameraFixed, enableSafetyChecker }),
    description: `${MODEL_NAME} · seed ${seed} · ${duration} s · aspect ${aspectRatio} · camera ${cameraFixed ? "fixed" : "moves"}`,
  };
}

export type ReadSettings =
  | { ok: true; values: Pick<GenerateRequest, SettingsField> }
  | { ok: false; message: string; fields: Partial<Record<SettingsField | "image", string>> };

const NOT_KEYFRAME = "This MP4 carries no Keyframe settings: only videos downloaded from Keyframe do.";

/** The settings in a `comment` tag, each checked by the form's own schema; out-of-range values are refused by field. */
export function parseSettings(comment: string | undefined): ReadSettings {
  let data: unknown;
  try {
    data = JSON.parse(comment ?? "");
  } catch {
    return { ok: false, message: NOT_KEYFRAME, fields: {} };
  }
  if (typeof data !== "object" || data === null || (data as { keyframe?: unknown }).keyframe !== 1) {
    return { ok: false, message: NOT_KEYFRAME, fields: {} };
  }
  const record = data as Record<string, unknown>;
  if (record.model !== MODEL_ID) {
    const model = String(record.model ?? "unknown").slice(0, 80);
    return { ok: false, message: `This video was made with another model (${model}); Keyframe makes ${MODEL_NAME}.`, fields: {} };
  }
  const values: Record<string, unknown> = {};
  const fields: Partial<Record<SettingsField, string>> = {};
  for (const field of SETTINGS_FIELDS) {
    const parsed = generateSchema.shape[field].safeParse(record[field]);
    if (parsed.success) values[field] = parsed.data;
    else fields[field] = `From the dropped video: ${parsed.error.issues[0]?.message ?? "not a valid value."}`;
  }
  const bad = Object.keys(fields);
  if (bad.length > 0) {
    return { ok: false, message: `The dropped video's settings are out of range (${bad.join(", ")}); nothing was changed.`, fields };
  }
  return { ok: true, values: values as Pick<GenerateRequest, SettingsField> };
}
