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

export function toWire(input: SubmitInput): Record<string, unknown> {
  return {
    image: input.image,
    ...(input.lastImage ? { last_image: input.lastImage } : {}),
    prompt: input.prompt,
    duration: input.duration,
    ...(input.aspectRatio ? { aspect_ratio: input.aspectRatio } : {}),
    camera_fixed: input.cameraFixed,
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
