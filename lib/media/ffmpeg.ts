import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";

export const runFile = promisify(execFile);

let ffmpegChecked: boolean | undefined;

/** Whether ffmpeg is on PATH (checked once per process). */
export function hasFfmpeg(): boolean {
  ffmpegChecked ??= spawnSync("ffmpeg", ["-version"], { stdio: "ignore" }).status === 0;
  return ffmpegChecked;
}

export async function ffmpeg(args: string[], timeoutMs = 60_000): Promise<void> {
  await runFile("ffmpeg", ["-y", "-nostdin", "-loglevel", "error", ...args], { timeout: timeoutMs });
}
