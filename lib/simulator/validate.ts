import { resolutionFor, type ModelEntry } from "@/lib/catalog";
import { modelProblems, WIRE_NAMES, type ModelField } from "@/lib/catalog/rules";
import { ASPECT_RATIOS, PROMPT_MAX, SEED_MAX, SEED_MIN, type AspectRatio } from "@/lib/model/seedance";
import { imageBytesProblem } from "@/lib/validations/image-input";

/** A request WaveSpeed would refuse with a 400, why, and its error_code (1400 missing, 1401 invalid). */
export class InputError extends Error {
  constructor(
    message: string,
    readonly errorCode: 1400 | 1401 = 1401,
  ) {
    super(message);
  }
}

const DATA_URI = /^data:(image\/[a-z+.-]+);base64,(.*)$/s;

function decodeImage(field: string, value: unknown): Buffer | string {
  if (typeof value !== "string" || value.length === 0)
    throw new InputError(`${field} is required`, value === undefined || value === "" ? 1400 : 1401);
  if (/^https?:\/\//i.test(value)) return value;
  const base64 = DATA_URI.exec(value)?.[2] ?? value;
  const bytes = Buffer.from(base64, "base64");
  const problem = bytes.length ? imageBytesProblem(bytes) : `${field} is not a valid URL or base64 image`;
  if (problem) throw new InputError(`${field}: ${problem}`);
  return bytes;
}

/** The model's own rules (lib/catalog/rules), in the words the form and the route use, prefixed by the wire name. */
function checkModel(entry: ModelEntry, input: Record<string, unknown>): void {
  const problems = modelProblems(entry, {
    prompt: input.prompt,
    duration: input.duration,
    cameraFixed: input.camera_fixed,
    resolution: input.resolution,
    generateAudio: input.generate_audio,
  });
  const [field, message] = Object.entries(problems)[0] ?? [];
  if (!field) return;
  const missing = field === "prompt";
  throw new InputError(`${WIRE_NAMES[field as ModelField]}: ${message}`, missing ? 1400 : 1401);
}

/** Validates a submit body as the real API does for this model: the inputs it needs to render, or an InputError. */
export function check(entry: ModelEntry, input: Record<string, unknown>) {
  const image = decodeImage("image", input.image);
  const lastImage = input.last_image === undefined || input.last_image === "" ? undefined : decodeImage("last_image", input.last_image);
  checkModel(entry, input);
  const duration = (input.duration as number | undefined) ?? entry.duration.default;
  if (input.aspect_ratio !== undefined && !ASPECT_RATIOS.includes(input.aspect_ratio as AspectRatio)) {
    throw new InputError(`aspect_ratio must be one of ${ASPECT_RATIOS.join(", ")}`);
  }
  const seed = input.seed ?? -1;
  if (typeof seed !== "number" || !Number.isInteger(seed) || seed < SEED_MIN || seed > SEED_MAX) {
    throw new InputError(`seed must be an integer from ${SEED_MIN} to ${SEED_MAX}`);
  }
  if (input.prompt !== undefined && (typeof input.prompt !== "string" || input.prompt.length > PROMPT_MAX)) {
    throw new InputError(`prompt must be a string of at most ${PROMPT_MAX} characters`);
  }
  for (const name of ["camera_fixed", "generate_audio"])
    if (input[name] !== undefined && typeof input[name] !== "boolean") throw new InputError(`${name} must be a boolean`);
  const audio = entry.audio ? ((input.generate_audio as boolean | undefined) ?? entry.audio.default) : false;
  const resolution = resolutionFor(entry, input.resolution as string | undefined);
  return { image, lastImage, duration, aspectRatio: input.aspect_ratio as AspectRatio | undefined, resolution, audio };
}
