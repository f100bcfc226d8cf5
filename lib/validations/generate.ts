// zod/mini: the browser loads this schema too (on the form's first use), and zod's chainable API would
// bring all of zod's schema types along for these few checks.
import * as z from "zod/mini";
import { ENTRIES, findModel, MODEL_IDS, RESOLUTIONS } from "@/lib/catalog";
import { modelProblems, type ModelValues } from "@/lib/catalog/rules";
import { ASPECT_CHOICES, DURATION_ANY_MAX, DURATION_ANY_MIN, PROMPT_MAX, SEED_MAX, SEED_MIN, VARIATIONS_MAX } from "@/lib/model/seedance";
import { imageInput, type ImageDecoder } from "./image-input";
import { BIDI_EMBEDDING, codePoint, isBlank } from "./invisible";

/** Multipart bodies carry every value as text; the form carries typed values. Both parse here. */
function wholeNumber(label: string, min: number, max: number) {
  const message = `${label} must be a whole number from ${min} to ${max}.`;
  return z.pipe(
    z.transform((v: unknown) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v)),
    z.number({ error: message }).check(z.int({ error: message }), z.minimum(min, { error: message }), z.maximum(max, { error: message })),
  );
}

const durationRanges = () => ENTRIES.map((e) => `${e.short} ${e.duration.min}-${e.duration.max}`).join(", ");

/** A whole number whose range is the chosen model's (checked with the model's other rules below). */
const duration = z.pipe(
  z.transform((v: unknown) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v)),
  z.number({ error: "Duration must be a whole number." }).check(
    z.int({ error: "Duration must be a whole number." }),
    // For the API's document: the widest range; each model's own is checked with the model's rules.
    z.meta({
      minimum: DURATION_ANY_MIN,
      maximum: DURATION_ANY_MAX,
      description: `Seconds, within the chosen model's range: ${durationRanges()}.`,
    }),
  ),
);

function flag(label: string) {
  return z.pipe(
    z.transform((v: unknown) => (v === "true" || v === "on" ? true : v === "false" ? false : v)),
    z.boolean({ error: `${label} must be on or off.` }),
  );
}

// C0 and C1 controls and DEL, but for tab and newline: SQLite and WaveSpeed cut a prompt at NUL.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

function controlCharacterMessage(prompt: unknown): string {
  const found = typeof prompt === "string" ? CONTROL_CHARACTER.exec(prompt)?.[0] : undefined;
  const codePoint = `U+${(found?.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  return `The prompt contains a control character (${codePoint}); remove it. Newlines and tabs are fine.`;
}

const prompt = z.string({ error: "Describe the motion you want." }).check(
  // Browsers send a text box's newlines as CRLF in multipart bodies; the box itself holds LF.
  z.overwrite((text) => text.replace(/\r\n/g, "\n")),
  z.trim(),
  z.refine((text) => !isBlank(text), { error: "Describe the motion you want." }),
  z.maxLength(PROMPT_MAX, { error: `Prompt is too long: at most ${PROMPT_MAX} characters.` }),
  z.refine((text) => !CONTROL_CHARACTER.test(text), { error: (issue) => controlCharacterMessage(issue.input) }),
  // Embeddings and overrides can make a prompt read differently from what is sent; the marks (LRM, RLM, ALM) are fine.
  z.refine((text) => !BIDI_EMBEDDING.test(text), {
    error: (issue) =>
      `The prompt contains a text direction control (${codePoint(typeof issue.input === "string" ? BIDI_EMBEDDING.exec(issue.input)?.[0] : undefined)}), which can make it read differently from what is sent; remove it. Marks like U+200F are fine.`,
  }),
);

const modelMessage = "Choose one of the models offered.";

function fields(options: { decodeImage?: ImageDecoder }) {
  return z.object({
    model: z._default(z.enum(MODEL_IDS as [string, ...string[]], { error: modelMessage }), MODEL_IDS[0]!),
    image: imageInput("Start image", true, options.decodeImage),
    lastImage: imageInput("End image", false, options.decodeImage),
    prompt,
    duration,
    aspectRatio: z.enum(ASPECT_CHOICES, { error: `Aspect ratio must be one of ${ASPECT_CHOICES.join(", ")}.` }),
    cameraFixed: flag("Camera fixed"),
    resolution: z.optional(z.enum(RESOLUTIONS, { error: `Resolution must be one of ${RESOLUTIONS.join(", ")}.` })),
    generateAudio: z.optional(flag("Sound")),
    seed: wholeNumber("Seed", SEED_MIN, SEED_MAX),
    enableSafetyChecker: flag("Safety checker"),
    variations: wholeNumber("Variations", 1, VARIATIONS_MAX),
  });
}

/**
 * The model's own rules (ranges, required and offered fields) from its catalog entry, as the simulator's are;
 * `model` names the entry when the values carry none (presets: the default model). Runs even when other fields
 * failed, so a range error shows while the form is still being filled in.
 */
export function modelRules<T extends object>(fallbackModel?: string) {
  return z.superRefine<T>(
    (values, ctx) => {
      const entry = findModel((values as { model?: string }).model ?? fallbackModel);
      if (!entry) return;
      const marked = new Set(ctx.issues.map((issue) => issue.path?.[0]));
      for (const [field, message] of Object.entries(modelProblems(entry, values as ModelValues))) {
        if (!marked.has(field)) ctx.addIssue({ code: "custom", path: [field], message, input: (values as Record<string, unknown>)[field] });
      }
    },
    { when: () => true },
  );
}

/** The form's fields, each checked on its own (what presets, shots and a dropped video's tags pick from). */
export const generateFields = fields({});

/** The form's schema; the server passes `decodeImage` so that images are also decoded in full. */
export function makeGenerateSchema(options: { decodeImage?: ImageDecoder } = {}) {
  return fields(options).check(modelRules());
}

export const generateSchema = makeGenerateSchema();

export type GenerateFormValues = z.input<typeof generateSchema>;
export type GenerateRequest = z.output<typeof generateSchema>;
export type GenerateField = keyof GenerateRequest;
