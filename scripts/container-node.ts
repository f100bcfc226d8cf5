/**
 * The Node the container runs (the Dockerfile's node:24), for the PostgreSQL + S3 test pass: the npm
 * registry's binary package for this platform, pinned in scripts/node24 and installed once under
 * node_modules/.cache (not node_modules/.bin, so every other script keeps the machine's Node).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const MAJOR = 24;
const pinned = path.resolve("scripts", "node24");
const home = path.resolve("node_modules", ".cache", "keyframe-node24");
const binary = path.join(home, "node_modules", ".bin", "node");

const versionOf = (node: string) => spawnSync(node, ["-p", "process.version"], { encoding: "utf8" }).stdout?.trim() ?? "";
const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null);
const same = (file: string) => read(path.join(pinned, file)) === read(path.join(home, file));

/** Node 24 (installed from the registry when missing or out of date), or undefined on a platform it has no package for. */
export async function containerNode(): Promise<{ path: string; version: string } | undefined> {
  const fresh = fs.existsSync(binary) && same("package.json") && same("package-lock.json");
  if (!fresh) {
    fs.mkdirSync(home, { recursive: true });
    for (const file of ["package.json", "package-lock.json"]) fs.copyFileSync(path.join(pinned, file), path.join(home, file));
    console.log(`Installing Node ${MAJOR} for the PostgreSQL + S3 pass (once, from the npm registry)`);
    const child = spawn("npm", ["ci", "--prefix", home, "--no-audit", "--no-fund", "--loglevel=error"], { stdio: "inherit" });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    if (code !== 0) throw new Error(`Installing Node ${MAJOR} failed (npm ci exit ${code})`);
  }
  if (!fs.existsSync(binary)) return undefined;
  const version = versionOf(binary);
  if (!version.startsWith(`v${MAJOR}.`)) throw new Error(`${binary} is ${version || "not runnable"}, not Node ${MAJOR}`);
  return { path: fs.realpathSync(binary), version };
}
