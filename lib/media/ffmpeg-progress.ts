import "server-only";
import { spawn } from "node:child_process";
import os from "node:os";

/**
 * Runs ffmpeg (at nice 10) and reports how far it got as a fraction of `totalS` seconds of output (from its -progress
 * lines). Rejects with the tail of ffmpeg's errors; killed when `signal` aborts or after `timeoutMs`. A signal
 * aborted already rejects at once, with nothing started (an abort listener added now would never fire).
 * Resolves with the number of frames it wrote (its last `frame=` line).
 */
export function ffmpegWithProgress(
  args: string[],
  totalS: number,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<{ frames: number }> {
  if (signal.aborted) return Promise.reject(new Error("stopped"));
  return new Promise((resolve, reject) => {
    const child = spawn("ffmpeg", ["-y", "-nostdin", "-loglevel", "error", "-nostats", "-progress", "pipe:1", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Long background work at a lower priority, so requests come first (no `nice` binary needed).
    try {
      if (child.pid) os.setPriority(child.pid, 10);
    } catch {
      // It has exited already; its close event says how.
    }
    let errors = "";
    let pending = "";
    let frames = 0;
    const kill = () => child.kill("SIGKILL");
    const timer = setTimeout(kill, timeoutMs);
    signal.addEventListener("abort", kill, { once: true });
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        // out_time_ms is in microseconds too (an old misnomer ffmpeg keeps).
        const match = /^out_time_(?:us|ms)=(\d+)/.exec(line);
        if (match && totalS > 0) onProgress(Math.min(1, Number(match[1]) / 1e6 / totalS));
        const frame = /^frame=(\d+)/.exec(line);
        if (frame) frames = Number(frame[1]);
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (errors = (errors + chunk).slice(-2000)));
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      signal.removeEventListener("abort", kill);
      if (code === 0) resolve({ frames });
      else reject(new Error(signal.aborted ? "stopped" : errors.trim().split("\n").pop() || `ffmpeg exited with ${code}`));
    });
  });
}
