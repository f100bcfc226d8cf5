import { ENTRIES, findModel, microsPerSecond, priceFormula, resolutionFor, type ModelEntry } from "@/lib/catalog";
import { modelProblems, WIRE_NAMES, type ModelField } from "@/lib/catalog/rules";
import { ASPECT_RATIOS, PROMPT_MAX, SEED_MAX, SEED_MIN } from "@/lib/model/seedance";
import { InputError } from "./validate";

/** A model's request JSON schema, as `GET /api/v3/models` publishes it, built from its catalog entry. */
export function requestSchema(entry: ModelEntry) {
  const d = entry.duration;
  return {
    type: "object",
    required: entry.promptRequired ? ["image", "prompt"] : ["image"],
    properties: {
      image: { type: "string", description: "Input image: URL or base64 (jpg/jpeg/png, at most 10 MB, at least 300x300 px)." },
      last_image: { type: "string", description: "End image: URL or base64." },
      prompt: { type: "string", maxLength: PROMPT_MAX, description: "The positive prompt for the generation." },
      duration: { type: "integer", minimum: d.min, maximum: d.max, default: d.default, description: "The duration in seconds." },
      aspect_ratio: { type: "string", enum: [...ASPECT_RATIOS], description: "The aspect ratio of the generated media." },
      ...(entry.cameraFixed
        ? { camera_fixed: { type: "boolean", default: false, description: "Whether to fix the camera position." } }
        : {}),
      ...(entry.resolutions.length > 1
        ? {
            resolution: {
              type: "string",
              enum: [...entry.resolutions],
              default: entry.defaultResolution,
              description: "Output resolution.",
            },
          }
        : {}),
      ...(entry.audio ? { generate_audio: { type: "boolean", default: entry.audio.default, description: "Generate a sound track." } } : {}),
      seed: { type: "integer", minimum: SEED_MIN, maximum: SEED_MAX, default: -1, description: "The random seed; -1 for random." },
    },
  };
}

const basePrice = (entry: ModelEntry) => (microsPerSecond(entry) * 5) / 1_000_000;

/** `GET /api/v3/models`: every model this simulator serves, lite 480p first. */
export function catalog() {
  return ENTRIES.map((entry) => ({
    model_id: entry.id,
    name: entry.name,
    type: "image-to-video",
    base_price: basePrice(entry),
    formula: priceFormula(entry),
    api_schema: { api_schemas: [{ type: "model_run", api_path: `/api/v3/${entry.id}`, request_schema: requestSchema(entry) }] },
  }));
}

/**
 * `POST /api/v3/model/price`: the model's rate at the asked resolution, linear in duration. Inputs that drive
 * the price but are missing are priced at the base (5 s, the default tier), as WaveSpeed documents; an
 * invalid one is a 400 in the words the form uses. With a `discount` the discounted price is that much lower.
 */
export function price(body: Record<string, unknown>, discount = 0) {
  if (body.model_id === undefined) throw new InputError("model_id is required", 1400);
  const entry = findModel(typeof body.model_id === "string" ? body.model_id : undefined);
  if (!entry) return undefined;
  const inputs = body.inputs ?? {};
  if (typeof inputs !== "object" || inputs === null || Array.isArray(inputs)) throw new InputError("inputs must be an object");
  const { duration, resolution } = inputs as { duration?: unknown; resolution?: unknown };
  // Only the inputs that drive the price are checked: a quote has no prompt.
  const problems = modelProblems(entry, { duration, resolution });
  const [field, message] = Object.entries(problems).find(([name]) => name === "duration" || name === "resolution") ?? [];
  if (field) throw new InputError(`${WIRE_NAMES[field as ModelField]}: ${message}`);
  const tier = resolutionFor(entry, resolution as string | undefined);
  const usd = (((duration as number | undefined) ?? 5) * microsPerSecond(entry, tier)) / 1_000_000;
  const discounted = Math.round(usd * (1 - discount) * 1_000_000) / 1_000_000;
  return { model_id: entry.id, price: usd, discounted_price: discounted, currency: "USD" };
}
