import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import type { ImageType } from "@/lib/images/probe";

const EXT: Record<ImageType, string> = { "image/jpeg": "jpg", "image/png": "png" };
const INPUT_NAME = /^[a-f0-9]{64}\.(jpg|png)$/;

function inputsDir(): string {
  return path.join(env().dataDir, "media", "inputs");
}

export function inputContentType(name: string): ImageType {
  return name.endsWith(".png") ? "image/png" : "image/jpeg";
}

/** Content-addressed: the same image uploaded twice (or used by four variations) is stored once. */
export async function saveInput(bytes: Uint8Array, type: ImageType): Promise<{ name: string; created: boolean }> {
  const name = `${createHash("sha256").update(bytes).digest("hex")}.${EXT[type]}`;
  const dir = inputsDir();
  await fs.mkdir(dir, { recursive: true });
  const target = path.join(dir, name);
  try {
    await fs.access(target);
    return { name, created: false };
  } catch {
    // Write then rename, so a reader never sees half a file.
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, target);
    return { name, created: true };
  }
}

export async function removeInputs(names: string[]): Promise<void> {
  await Promise.all(names.map((n) => fs.rm(path.join(inputsDir(), n), { force: true })));
}

/** The stored bytes, or null for a name that is malformed or absent. */
export async function readInput(name: string): Promise<Buffer | null> {
  if (!INPUT_NAME.test(name)) return null;
  try {
    return await fs.readFile(path.join(inputsDir(), name));
  } catch {
    return null;
  }
}
