import "server-only";
import { createHash, randomBytes } from "node:crypto";
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

export const inputName = (bytes: Uint8Array, type: ImageType) => `${createHash("sha256").update(bytes).digest("hex")}.${EXT[type]}`;

/** Content-addressed: the same image uploaded twice (or used by four variations) is stored once. */
export async function saveInput(bytes: Uint8Array, type: ImageType): Promise<{ name: string; created: boolean }> {
  const name = inputName(bytes, type);
  const dir = inputsDir();
  await fs.mkdir(dir, { recursive: true });
  const target = path.join(dir, name);
  try {
    await fs.access(target);
    return { name, created: false };
  } catch {
    // Write then rename, so a reader never sees half a file.
    const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, target);
    return { name, created: true };
  }
}

// Inputs are shared by content, so one request must not delete a file another is about to use.
const pins = new Map<string, number>();

/** Marks inputs as in use by a request that has not stored its jobs yet; call the result when done. */
export function pinInputs(names: string[]): () => void {
  for (const n of names) pins.set(n, (pins.get(n) ?? 0) + 1);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    for (const n of names) {
      const left = (pins.get(n) ?? 1) - 1;
      if (left > 0) pins.set(n, left);
      else pins.delete(n);
    }
  };
}

export const isPinned = (name: string) => pins.has(name);

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
