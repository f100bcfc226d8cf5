import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const CLI = path.resolve(import.meta.dirname, "../../keyframe.mjs");

/** The Node that runs the CLI: this one, or KEYFRAME_TEST_NODE (e.g. a Node 24 binary, to check both). */
const NODE = process.env.KEYFRAME_TEST_NODE || process.execPath;

export type CliRun = { code: number | null; stdout: string; stderr: string };

/** A fresh home for a run: its own config folder and working directory. */
export const tempHome = () => fs.mkdtempSync(path.join(os.tmpdir(), "keyframe-cli-"));

/**
 * Runs `node scripts/keyframe.mjs …` as a user's shell would: its own process, stdin piped (not a
 * terminal) with `input`, only the environment given (plus PATH).
 */
export function runCli(
  args: string[],
  options: { home: string; env?: Record<string, string>; input?: string; cwd?: string },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [CLI, ...args], {
      cwd: options.cwd ?? options.home,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: options.home,
        XDG_CONFIG_HOME: path.join(options.home, "config"),
        ...options.env,
      } as Record<string, string> as unknown as NodeJS.ProcessEnv,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}
