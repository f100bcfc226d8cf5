/**
 * The snapshot Keyframe ships: what it knows about each Seedance image-to-video model, written from
 * WaveSpeed's published pages (each entry cites its source; `guesses` lists what no source stated).
 * This is the only file that names a model id.
 */
export const RESOLUTIONS = ["480p", "720p", "1080p"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export type ModelEntry = {
  id: string;
  name: string;
  /** The picker's short label. */
  short: string;
  /** A word on speed and quality. */
  blurb: string;
  /** Output tiers; more than one means the request takes a `resolution` field. */
  resolutions: readonly Resolution[];
  defaultResolution: Resolution;
  promptRequired: boolean;
  duration: { min: number; max: number; default: number };
  cameraFixed: boolean;
  /** `generate_audio` and its default, or null when the model makes silent clips. */
  audio: { default: boolean } | null;
  /** List price per 5 s per resolution, USD. */
  per5s: Partial<Record<Resolution, number>>;
  /** Shown when WaveSpeed retires it; the form offers this one instead. */
  successor?: string;
  source: string;
  guesses: readonly string[];
};

const SEED = "the seed: WaveSpeed's model page (/work/shared/seed/seedance-v1-lite-i2v-480p.txt)";
const API_MD = "wavespeed-api.md (Pricing; Found later 2026-11 and 2026-12, The Seedance family)";
const SEEDANCE_2 = "bytedance/seedance-2.0/image-to-video";
const V1 = { min: 2, max: 12, default: 5 };
const V1_GUESS = "duration range 2-12 s as lite 480p";

export const ENTRIES: readonly ModelEntry[] = [
  {
    id: "bytedance/seedance-v1-lite-i2v-480p",
    name: "Seedance V1 Lite · image-to-video · 480p",
    short: "Lite 480p",
    blurb: "Fastest and cheapest; quick drafts",
    resolutions: ["480p"],
    defaultResolution: "480p",
    promptRequired: false,
    duration: V1,
    cameraFixed: true,
    audio: null,
    per5s: { "480p": 0.08 },
    successor: SEEDANCE_2,
    source: SEED,
    guesses: [],
  },
  {
    id: "bytedance/seedance-v1-lite-i2v-720p",
    name: "Seedance V1 Lite · image-to-video · 720p",
    short: "Lite 720p",
    blurb: "Fast; sharper than 480p",
    resolutions: ["720p"],
    defaultResolution: "720p",
    promptRequired: true,
    duration: V1,
    cameraFixed: true,
    audio: null,
    per5s: { "720p": 0.16 },
    successor: SEEDANCE_2,
    source: API_MD,
    guesses: [V1_GUESS],
  },
  {
    id: "bytedance/seedance-v1-lite-i2v-1080p",
    name: "Seedance V1 Lite · image-to-video · 1080p",
    short: "Lite 1080p",
    blurb: "Fast; full HD",
    resolutions: ["1080p"],
    defaultResolution: "1080p",
    promptRequired: true,
    duration: V1,
    cameraFixed: true,
    audio: null,
    per5s: { "1080p": 0.36 },
    successor: SEEDANCE_2,
    source: API_MD,
    guesses: [V1_GUESS, "price $0.36 per 5 s", "prompt required as 720p"],
  },
  {
    id: "bytedance/seedance-v1-pro-i2v-480p",
    name: "Seedance V1 Pro · image-to-video · 480p",
    short: "Pro 480p",
    blurb: "Slower; better motion and detail",
    resolutions: ["480p"],
    defaultResolution: "480p",
    promptRequired: false,
    duration: V1,
    cameraFixed: true,
    audio: null,
    per5s: { "480p": 0.15 },
    successor: SEEDANCE_2,
    source: API_MD,
    guesses: [V1_GUESS],
  },
  {
    id: "bytedance/seedance-v1-pro-i2v-1080p",
    name: "Seedance V1 Pro · image-to-video · 1080p",
    short: "Pro 1080p",
    blurb: "Slowest of 1.0; best 1.0 quality",
    resolutions: ["1080p"],
    defaultResolution: "1080p",
    promptRequired: false,
    duration: V1,
    cameraFixed: true,
    audio: null,
    per5s: { "1080p": 0.6 },
    successor: SEEDANCE_2,
    source: API_MD,
    guesses: [V1_GUESS],
  },
  {
    id: "bytedance/seedance-v1-pro-fast-i2v",
    name: "Seedance V1 Pro Fast · image-to-video",
    short: "Pro Fast",
    blurb: "Pro quality, quicker",
    resolutions: RESOLUTIONS,
    defaultResolution: "720p",
    promptRequired: false,
    duration: V1,
    cameraFixed: true,
    audio: null,
    per5s: { "480p": 0.1, "720p": 0.2, "1080p": 0.4 },
    successor: SEEDANCE_2,
    source: API_MD,
    guesses: ["model id", V1_GUESS, "a resolution field 480p/720p/1080p", "all prices"],
  },
  {
    id: "bytedance/seedance-v1.5-pro/image-to-video",
    name: "Seedance 1.5 Pro · image-to-video",
    short: "1.5 Pro",
    blurb: "Pro with sound",
    resolutions: RESOLUTIONS,
    defaultResolution: "720p",
    promptRequired: false,
    duration: { min: 4, max: 12, default: 5 },
    cameraFixed: true,
    audio: { default: true },
    per5s: { "480p": 0.2, "720p": 0.4, "1080p": 0.9 },
    successor: SEEDANCE_2,
    source: API_MD,
    guesses: ["model id", "all prices", "default 720p", "audio on by default"],
  },
  {
    id: SEEDANCE_2,
    name: "Seedance 2.0 · image-to-video",
    short: "2.0",
    blurb: "Newest; best quality, with sound",
    resolutions: RESOLUTIONS,
    defaultResolution: "720p",
    promptRequired: true,
    duration: { min: 4, max: 15, default: 5 },
    cameraFixed: false,
    audio: { default: true },
    per5s: { "480p": 0.6, "720p": 1.2, "1080p": 2.7 },
    source: API_MD,
    guesses: ["$1.20 per 5 s taken as the 720p price; 480p and 1080p prices", "default 720p", "audio on by default"],
  },
  {
    id: "bytedance/seedance-2.0-fast/image-to-video",
    name: "Seedance 2.0 Fast · image-to-video",
    short: "2.0 Fast",
    blurb: "2.0 quicker and cheaper, with sound",
    resolutions: RESOLUTIONS,
    defaultResolution: "720p",
    promptRequired: true,
    duration: { min: 4, max: 15, default: 5 },
    cameraFixed: false,
    audio: { default: true },
    per5s: { "480p": 0.4, "720p": 0.8, "1080p": 1.8 },
    source: API_MD,
    guesses: ["model id", "$0.80 per 5 s taken as the 720p price; 480p and 1080p prices", "default 720p", "audio on by default"],
  },
];
