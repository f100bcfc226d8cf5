import "server-only";
import { OUTPUT_KINDS, outputName, type OutputKind } from "@/lib/storage/keys";
import { getStore } from "@/lib/storage/store";

/** Every object a job's results may have. Safe to call while a copy runs. */
export async function removeJobOutputs(jobId: string): Promise<void> {
  const kinds = Object.keys(OUTPUT_KINDS) as OutputKind[];
  await (await getStore()).delete(kinds.map((kind) => `${kind}/${outputName(kind, jobId)}`));
}
