import { z } from "zod";
import {
  ASPECT_CHOICES,
  DURATION_DEFAULT,
  DURATION_MAX,
  DURATION_MIN,
  PROMPT_MAX,
  SEED_MAX,
  SEED_MIN,
  VARIATIONS_MAX,
} from "@/lib/model/seedance";
import { imageInput, type ImageDecoder } from "./image-input";

/** Multipart bodies carry every value as text; the form carries typed values. Both parse here. */
function wholeNumber(label: string, min: number, max: number) {
  const message = `${label} must be a whole number from ${min} to ${max}.`;
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
    z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message }),
  );
}

function flag(label: string) {
  return z.preprocess(
    (v) => (v === "true" || v === "on" ? true : v === "false" ? false : v),
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

const prompt = z
  .string({ error: "Describe the motion you want." })
  // Browsers send a text box's newlines as CRLF in multipart bodies; the box itself holds LF.
  .overwrite((text) => text.replace(/\r\n/g, "\n"))
  .trim()
  .min(1, { error: "Describe the motion you want." })
  .max(PROMPT_MAX, { error: `Prompt is too long: at most ${PROMPT_MAX} characters.` })
  .refine((text) => !CONTROL_CHARACTER.test(text), { error: (issue) => controlCharacterMessage(issue.input) });

/** The form's schema; the server passes `decodeImage` so that images are also decoded in full. */
export function makeGenerateSchema(options: { decodeImage?: ImageDecoder } = {}) {
  return z.object({
    image: imageInput("Start image", true, options.decodeImage),
    lastImage: imageInput("End image", false, options.decodeImage),
    prompt,
    duration: wholeNumber("Duration", DURATION_MIN, DURATION_MAX),
    aspectRatio: z.enum(ASPECT_CHOICES, { error: `Aspect ratio must be one of ${ASPECT_CHOICES.join(", ")}.` }),
    cameraFixed: flag("Camera fixed"),
    seed: wholeNumber("Seed", SEED_MIN, SEED_MAX),
    enableSafetyChecker: flag("Safety checker"),
    variations: wholeNumber("Variations", 1, VARIATIONS_MAX),
  });
}

export const generateSchema = makeGenerateSchema();

export type GenerateFormValues = z.input<typeof generateSchema>;
export type GenerateRequest = z.output<typeof generateSchema>;
export type GenerateField = keyof GenerateRequest;

export const GENERATE_DEFAULTS = {
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

/** Seeds per variation: a fixed seed s gives s, s+1, ... (wrapping within range); -1 leaves each to chance. */
export function variationSeeds(seed: number, count: number, random: () => number): number[] {
  return Array.from({ length: count }, (_, i) => (seed === -1 ? random() : (seed + i) % (SEED_MAX + 1)));
}
