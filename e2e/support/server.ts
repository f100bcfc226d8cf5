import { spawn, type ChildProcess } from "node:child_process";

/** A production server of its own (own port and DATA_DIR), for tests that restart or start fresh. */
export async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    env: { ...process.env, WAVESPEED_API_KEY: "", POLL_MIN_MS: "400", POLL_MAX_MS: "1500", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: "ignore",
  });
  for (let i = 0; i < 150; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error("server did not start");
}

export function stopServer(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}
