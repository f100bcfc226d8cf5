import { readApiError } from "@/lib/http/fetcher";
import type { JobView } from "@/lib/jobs/types";
import type { GenerateFormValues } from "@/lib/validations/generate";

/**
 * Sends the raw form values (files as files) as multipart; the server validates them again. The
 * idempotency key makes a resent request answer the same jobs instead of paying twice.
 */
export async function submitJobs(values: GenerateFormValues, idempotencyKey: string, confirmDuplicate = false): Promise<JobView[]> {
  const body = new FormData();
  if (confirmDuplicate) body.append("confirmDuplicate", "true");
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === "") continue;
    body.append(key, value instanceof Blob ? value : String(value));
  }
  const res = await fetch("/api/jobs", { method: "POST", body, headers: { "Idempotency-Key": idempotencyKey } });
  if (!res.ok) throw await readApiError(res);
  return ((await res.json()) as { jobs: JobView[] }).jobs;
}
