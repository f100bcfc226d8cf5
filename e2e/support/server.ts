import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freshServerBackends, serverBackendsEnv } from "../../lib/test/backends";
import { dataDirFor, serverSpawn } from "./entry";

/** The database and bucket name an e2e server's DATA_DIR stands for (used in the PostgreSQL + S3 pass). */
export const backendName = (dataDir: string) =>
  path
    .basename(dataDir)
    .replace(/[^a-z0-9]+/gi, "_")
    .toLowerCase();

/** Empties a server's DATA_DIR, and in the PostgreSQL + S3 pass its database and bucket too. */
export async function freshData(dataDir: string): Promise<void> {
  fs.rmSync(dataDir, { recursive: true, force: true });
  await freshServerBackends(backendName(dataDir));
}

/**
 * A production server of its own (own port and DATA_DIR), started with the README's start command. In the
 * PostgreSQL + S3 pass it uses the database and bucket `backends` (by default named after its DATA_DIR).
 */
export async function startServer(
  port: number,
  env: Record<string, string>,
  backends = backendName(env.DATA_DIR ?? "data"),
): Promise<ChildProcess> {
  const { command, args, cwd } = serverSpawn(port);
  const child = spawn(command, args, {
    cwd,
    env: {
      ...process.env,
      WAVESPEED_API_KEY: "",
      POLL_MIN_MS: "400",
      POLL_MAX_MS: "1500",
      POLL_EXPECT_MS: "1000",
      NEXT_TELEMETRY_DISABLED: "1",
      ...serverBackendsEnv(backends),
      ...env,
      ...(env.DATA_DIR ? { DATA_DIR: dataDirFor(env.DATA_DIR) } : {}),
    },
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
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}
