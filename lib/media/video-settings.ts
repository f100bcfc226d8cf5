import { DEFAULT_MODEL, findModel, modelLabel, resolutionFor } from "@/lib/catalog";
import { modelProblems } from "@/lib/catalog/rules";
import type { AspectChoice } from "@/lib/model/seedance";
import { generateFields, type GenerateRequest } from "@/lib/validations/generate";
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
  /** The catalog id (default lite 480p), its resolution and sound where the model has them. */
  model?: string;
  resolution?: string | null;
  generateAudio?: boolean | null;
};

export { SETTINGS_FIELDS, type SettingsField } from "@/lib/validations/generate-defaults";

export function settingsTags(settings: TakeSettings): Record<"title" | "comment" | "description", string> {
  const { prompt, seed, duration, aspectRatio, cameraFixed, enableSafetyChecker } = settings;
  const entry = findModel(settings.model) ?? DEFAULT_MODEL;
  const own = {
    ...(entry.resolutions.length > 1 ? { resolution: resolutionFor(entry, settings.resolution) } : {}),
    ...(entry.audio ? { generateAudio: settings.generateAudio ?? entry.audio.default } : {}),
  };
  const camera = entry.cameraFixed ? ` · camera ${cameraFixed ? "fixed" : "moves"}` : "";
  const sound = entry.audio ? ` · sound ${own.generateAudio ? "on" : "off"}` : "";
  return {
    title: prompt,
    comment: JSON.stringify({
      keyframe: 1,
      model: entry.id,
      prompt,
      seed,
      duration,
      aspectRatio,
      cameraFixed,
      enableSafetyChecker,
      ...own,
    }),
    description: `${modelLabel(entry.id, settings.resolution)} · seed ${seed} · ${duration} s · aspect ${aspectRatio}${camera}${sound}`,
  };
}

export type ReadSettings =
  | { ok: true; values: Pick<GenerateRequest, SettingsField | "model" | "resolution" | "generateAudio"> }
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
  const entry = findModel(typeof record.model === "string" ? record.model : undefined);
  if (!entry) {
    const model = String(record.model ?? "unknown").slice(0, 80);
    return {
      ok: false,
      message: `This video was made with another model (${model}); Keyframe makes the Seedance models it lists.`,
      fields: {},
    };
  }
  const values: Record<string, unknown> = { model: entry.id };
  const fields: Partial<Record<SettingsField, string>> = {};
  const modelSays: Record<string, string | undefined> = modelProblems(entry, record);
  for (const field of SETTINGS_FIELDS) {
    const parsed = generateFields.shape[field].safeParse(record[field]);
    const message = parsed.success ? modelSays[field] : (parsed.error.issues[0]?.message ?? "not a valid value.");
    if (message) fields[field] = `From the dropped video: ${message}`;
    else values[field] = parsed.data;
  }
  if (entry.resolutions.length > 1) values.resolution = resolutionFor(entry, record.resolution as string | undefined);
  if (entry.audio) values.generateAudio = typeof record.generateAudio === "boolean" ? record.generateAudio : entry.audio.default;
  const bad = Object.keys(fields);
  if (bad.length > 0) {
    return { ok: false, message: `The dropped video's settings are out of range (${bad.join(", ")}); nothing was changed.`, fields };
  }
  return { ok: true, values: values as Extract<ReadSettings, { ok: true }>["values"] };
}
