import "server-only";
import { getJobByUpstreamId } from "@/lib/db/queries/jobs";
import { applyUpstream, deliverySeen, recordDelivery } from "@/lib/db/queries/work";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { markFailed } from "@/lib/team/spend";
import { wavespeed } from "@/lib/wavespeed";
import { signedHeaders, verifySigned } from "@/lib/wavespeed/webhook";
import { jobLife } from "./life";
import { kickWorker } from "./registry";
import { forgetUploadsOf, MEDIA_ACCESS_FAILED } from "./uploads";

const SECRET_TTL_MS = 60 * 60 * 1000;
const REFRESH_GAP_MS = 60 * 1000;
let fetched: { value: string; at: number } | undefined;

/** WEBHOOK_SECRET, or the one WaveSpeed gives out (GET /api/v3/webhook/secret), kept an hour per instance. */
async function secret(refresh = false): Promise<string> {
  const configured = env().WEBHOOK_SECRET;
  if (configured) return configured;
  const age = fetched ? Date.now() - fetched.at : Infinity;
  if (fetched && age < SECRET_TTL_MS && !(refresh && age > REFRESH_GAP_MS)) return fetched.value;
  try {
    fetched = { value: await wavespeed().webhookSecret(), at: Date.now() };
  } catch (error) {
    if (!fetched)
      throw new AppError("unavailable", `Keyframe could not get the webhook secret from WaveSpeed: ${(error as Error).message}`);
  }
  return fetched.value;
}

export type Received = { applied: boolean; duplicate?: boolean };

/**
 * A finished (or failed) task, delivered by WaveSpeed to any instance: checked, then applied from the
 * database alone. Unsigned, mis-signed or stale deliveries get 401, an unknown task 404, and change
 * nothing; a repeated delivery, or one about a job already finished, changes nothing either.
 */
export async function receiveWebhook(headers: Headers, rawBody: string): Promise<Received> {
  const signed = signedHeaders(headers);
  if (!signed.ok) throw new AppError("unauthorized", signed.reason);
  let delivery = verifySigned(signed, rawBody, await secret());
  // WaveSpeed may have rotated the secret: look again (at most once a minute) before refusing.
  if (!delivery.ok && !env().WEBHOOK_SECRET) delivery = verifySigned(signed, rawBody, await secret(true));
  if (!delivery.ok) throw new AppError("unauthorized", delivery.reason);
  if (await deliverySeen(delivery.id)) return { applied: false, duplicate: true };
  const job = await getJobByUpstreamId(delivery.task.id);
  if (!job) throw new AppError("not_found", "No job for that task.");
  const now = Date.now();
  const next = job.nextPollAt ?? now;
  const { patch, money } = jobLife(job, { kind: "webhook", task: delivery.task }, { now, nextPoll: next, retry: () => next });
  if (delivery.task.code === MEDIA_ACCESS_FAILED) await forgetUploadsOf(job, wavespeed().baseUrl);
  const applied = await applyUpstream(job.id, patch);
  if (applied && money === "failed") await markFailed(job.id);
  await recordDelivery(delivery.id, now);
  // A completed job now has a copy to make.
  if (applied) kickWorker();
  return { applied };
}
