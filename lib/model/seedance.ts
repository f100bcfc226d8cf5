import { DEFAULT_MODEL, ENTRIES } from "@/lib/catalog";

/**
 * What every Seedance image-to-video model shares. Each model's own fields, ranges and price live in the
 * catalog (lib/catalog); the names below are the default model's (lite 480p), for code that predates models.
 */
export const MODEL_ID = DEFAULT_MODEL.id;
export const MODEL_NAME = DEFAULT_MODEL.name;

export const PROMPT_MAX = 2000;
export const DURATION_MIN = DEFAULT_MODEL.duration.min;
export const DURATION_MAX = DEFAULT_MODEL.duration.max;
export const DURATION_DEFAULT = DEFAULT_MODEL.duration.default;
/** The widest range any model takes (a batch row or a dropped video is checked against its own model). */
export const DURATION_ANY_MIN = Math.min(...ENTRIES.map((e) => e.duration.min));
export const DURATION_ANY_MAX = Math.max(...ENTRIES.map((e) => e.duration.max));
export const SEED_MIN = -1;
export const SEED_MAX = 2_147_483_647;
export const VARIATIONS_MAX = 4;

export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;
export const IMAGE_MIN_SIDE = 300;
/**
 * Keyframe's own caps, not WaveSpeed's: a 12 KB PNG can claim 100 megapixels and take gigabytes to
 * decode, and a URL is stored per take and sent with every gallery poll.
 */
export const IMAGE_MAX_PIXELS = 40_000_000;
export const IMAGE_URL_MAX = 2048;

export const ASPECT_RATIOS = ["21:9", "16:9", "4:3", "1:1", "3:4", "9:16"] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];
export const ASPECT_CHOICES = ["auto", ...ASPECT_RATIOS] as const;
export type AspectChoice = (typeof ASPECT_CHOICES)[number];

/** Output frame sizes of the 480p tier, per aspect ratio. */
export const OUTPUT_SIZES: Record<AspectRatio, { width: number; height: number }> = {
  "21:9": { width: 960, height: 416 },
  "16:9": { width: 864, height: 480 },
  "4:3": { width: 736, height: 544 },
  "1:1": { width: 640, height: 640 },
  "3:4": { width: 544, height: 736 },
  "9:16": { width: 480, height: 864 },
};

/** Output frame size at a resolution tier: the 480p size scaled by the tier's height, kept even. */
export function outputSize(ratio: AspectRatio, resolution: string = "480p"): { width: number; height: number } {
  const base = OUTPUT_SIZES[ratio];
  const scale = (Number.parseInt(resolution, 10) || 480) / 480;
  const even = (n: number) => Math.round((n * scale) / 2) * 2;
  return { width: even(base.width), height: even(base.height) };
}

function ratioValue(r: AspectRatio): number {
  const [w, h] = r.split(":").map(Number) as [number, number];
  return w / h;
}

/** The listed ratio closest to the image's, compared on a log scale so 2:1 and 1:2 are equally far from 1:1. */
export function nearestAspectRatio(width: number, height: number): AspectRatio {
  const target = Math.log(width / height);
  let best: AspectRatio = "16:9";
  let bestDistance = Infinity;
  for (const r of ASPECT_RATIOS) {
    const distance = Math.abs(Math.log(ratioValue(r)) - target);
    if (distance < bestDistance) {
      best = r;
      bestDistance = distance;
    }
  }
  return best;
}

/** Example prompts; those that name a length take the duration currently set. */
export const EXAMPLE_PROMPTS: readonly { label: string; text: (seconds: number) => string }[] = [
  {
    label: "Skateboarder",
    text: () =>
      "A skateboarder performs a smooth boardslide along the ledge in a sunny skatepark. Camera follows from a low wide angle, then gently pushes in as he lands. Natural motion blur, crisp daylight, energetic vibe.",
  },
  {
    label: "Runner",
    text: (seconds) =>
      `A runner sprints past the camera, dust kicks up, shallow depth of field, camera pans to follow, dynamic sports cinematography, ${seconds} seconds.`,
  },
  {
    label: "Dancer",
    text: (seconds) =>
      `A dancer spins and stops on beat, stage lights flicker softly, camera slow orbit, clean motion, ${seconds} seconds.`,
  },
];

export const PROMPT_TIPS = [
  { title: "Subject action", text: "What changes over time: glide, jump, turn, land, celebrate." },
  { title: "Camera", text: "Follow, dolly, pan, slow push-in, or keep it fixed." },
  { title: "Environment", text: "Motion blur cues, dust, wind, crowd movement, lighting shifts." },
  { title: "Continuity", text: "Say what must stay the same: subject identity, outfit, setting." },
] as const;
