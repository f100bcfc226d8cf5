import "server-only";
import { inputsInUse } from "@/lib/db/queries";
import { isPinned, removeInputs } from "@/lib/storage/media";

/** Removes those of these stored inputs that no job uses and no request in flight is about to use. */
export async function removeUnusedInputs(names: string[]): Promise<void> {
  const used = await inputsInUse(names);
  await removeInputs(names.filter((n) => !used.has(n) && !isPinned(n)));
}
