import "server-only";
import { createHash } from "node:crypto";
import { pinAndWrite, removeUnused, unpin } from "@/lib/db/queries/inputs";
import type { ImageType } from "@/lib/images/probe";
import { inputKey, inputNameFor, inputThumbKey } from "@/lib/storage/keys";
import { getStore } from "@/lib/storage/store";

export const inputName = (bytes: Uint8Array, type: ImageType) => inputNameFor(createHash("sha256").update(bytes).digest("hex"), type);

/**
 * Stores an uploaded image once per content, pinned for `holder` (a request) until it calls
 * releaseInputs: a concurrent delete of the last job using the same image then leaves it alone.
 */
export async function storeInput(bytes: Uint8Array, type: ImageType, holder: string): Promise<string> {
  const name = inputName(bytes, type);
  const key = inputKey(name)!;
  const store = await getStore();
  await pinAndWrite(name, holder, async () => {
    if (!(await store.head(key))) await store.put(key, Buffer.from(bytes), type);
  });
  return name;
}

/** Pins inputs already stored (a retry reusing a job's images) for `holder`: false when one is gone. */
export async function pinStoredInputs(names: string[], holder: string): Promise<boolean> {
  const store = await getStore();
  for (const name of names) {
    const key = inputKey(name);
    if (!key || !(await pinAndWrite(name, holder, () => store.head(key)))) return false;
  }
  return true;
}

export async function releaseInputs(holder: string): Promise<void> {
  await unpin(holder);
}

/** The stored bytes, or null for a name that is malformed or absent. */
export async function readInput(name: string): Promise<Buffer | null> {
  const key = inputKey(name);
  return key ? (await getStore()).bytes(key) : null;
}

/** Removes those of these stored inputs that no job uses and no request in flight is about to use. */
export async function removeUnusedInputs(names: string[]): Promise<void> {
  const store = await getStore();
  await removeUnused(names, (name) => store.delete([inputKey(name)!, inputThumbKey(name)!]));
}
