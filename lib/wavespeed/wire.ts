import { modelOf } from "@/lib/catalog";
import packageJson from "@/package.json";
import type { WireTask } from "./schema";
import { finalTaskError } from "./task-error";
import type { SubmitInput, Task } from "./types";

/** WaveSpeed's field names, in and out: nothing outside lib/wavespeed sees them. */
export function toTask(wire: WireTask): Task {
  return {
    id: wire.id,
    status: wire.status,
    outputs: wire.outputs ?? [],
    nsfw: wire.has_nsfw_contents ?? [],
    error: finalTaskError(wire.status, wire.error, wire.code),
    code: wire.code ?? null,
    inferenceMs: wire.timings?.inference ?? null,
  };
}

/** The submit body in the model's own terms: fields it does not take are left out. */
export function toWire(input: SubmitInput): Record<string, unknown> {
  const entry = modelOf(input.model);
  return {
    image: input.image,
    ...(input.lastImage ? { last_image: input.lastImage } : {}),
    prompt: input.prompt,
    duration: input.duration,
    ...(input.aspectRatio ? { aspect_ratio: input.aspectRatio } : {}),
    ...(entry.cameraFixed ? { camera_fixed: input.cameraFixed } : {}),
    ...(entry.resolutions.length > 1 ? { resolution: input.resolution ?? entry.defaultResolution } : {}),
    // Its default differs between WaveSpeed's pages: always send it.
    ...(entry.audio ? { generate_audio: input.generateAudio ?? entry.audio.default } : {}),
    seed: input.seed,
    enable_safety_checker: input.enableSafetyChecker,
  };
}

/** As WaveSpeed's official clients identify themselves (X-Client-Name, -Version, -OS). */
export const CLIENT_HEADERS = {
  "X-Client-Name": "keyframe",
  "X-Client-Version": packageJson.version,
  "X-Client-OS": process.platform === "win32" ? "windows" : process.platform,
};
