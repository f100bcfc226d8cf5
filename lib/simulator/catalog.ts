import { PRICE_MICROS_PER_SECOND, priceMicros } from "@/lib/model/price";
import {
  ASPECT_RATIOS,
  DURATION_DEFAULT,
  DURATION_MAX,
  DURATION_MIN,
  MODEL_ID,
  MODEL_NAME,
  PROMPT_MAX,
  SEED_MAX,
  SEED_MIN,
} from "@/lib/model/seedance";
import { InputError } from "./validate";

/** WaveSpeed's list price per 5 s, and its JSONata formula over the request's inputs. */
export const BASE_PRICE_USD = priceMicros(5) / 1_000_000;
const FORMULA = "base_price * duration / 5";

/** The request's JSON schema, from the seed's parameter table. */
export const REQUEST_SCHEMA = {
  type: "object",
  required: ["image"],
  properties: {
    image: { type: "string", description: "Input image: URL or base64 (jpg/jpeg/png, at most 10 MB, at least 300x300 px)." },
    last_image: { type: "string", description: "End image: URL or base64." },
    prompt: { type: "string", maxLength: PROMPT_MAX, description: "The positive prompt for the generation." },
    duration: {
      type: "integer",
      minimum: DURATION_MIN,
      maximum: DURATION_MAX,
      default: DURATION_DEFAULT,
      description: "The duration of the generated media in seconds.",
    },
    aspect_ratio: { type: "string", enum: [...ASPECT_RATIOS], description: "The aspect ratio of the generated media." },
    camera_fixed: { type: "boolean", default: false, description: "Whether to fix the camera position." },
    seed: { type: "integer", minimum: SEED_MIN, maximum: SEED_MAX, default: -1, description: "The random seed; -1 for random." },
  },
} as const;

/** `GET /api/v3/models`: the one model this simulator serves. */
export function catalog() {
  return [
    {
      model_id: MODEL_ID,
      name: MODEL_NAME,
      type: "image-to-video",
      base_price: BASE_PRICE_USD,
      formula: FORMULA,
      api_schema: { api_schemas: [{ type: "model_run", api_path: `/api/v3/${MODEL_ID}`, request_schema: REQUEST_SCHEMA }] },
    },
  ];
}

/**
 * `POST /api/v3/model/price`: $0.016 per second. A missing duration is priced at the base price (5 s), as
 * WaveSpeed documents for inputs that drive the price; an invalid one is a 400.
 */
export function price(body: Record<string, unknown>) {
  if (body.model_id === undefined) throw new InputError("model_id is required", 1400);
  if (body.model_id !== MODEL_ID) return undefined;
  const inputs = body.inputs ?? {};
  if (typeof inputs !== "object" || inputs === null || Array.isArray(inputs)) throw new InputError("inputs must be an object");
  const duration = (inputs as { duration?: unknown }).duration;
  if (
    duration !== undefined &&
    (typeof duration !== "number" || !Number.isInteger(duration) || duration < DURATION_MIN || duration > DURATION_MAX)
  ) {
    throw new InputError(`duration must be an integer from ${DURATION_MIN} to ${DURATION_MAX}`);
  }
  const usd = ((duration ?? 5) * PRICE_MICROS_PER_SECOND) / 1_000_000;
  return { model_id: MODEL_ID, price: usd, discounted_price: usd, currency: "USD" };
}
