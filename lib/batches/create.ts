import "server-only";
import { createHash } from "node:crypto";
import type { SessionUser } from "@/lib/auth/user";
import { claimedHash, deleteGroup, findGroupByKey, getGroup, groupRowBatchIds, insertGroup, retireGroupKey } from "@/lib/db/queries/groups";
import { KEEP_KEYS_MS } from "@/lib/db/queries/submissions";
import type { JobGroup } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { createJobs, named, requestHash } from "@/lib/jobs/create";
import { newId } from "@/lib/jobs/ids";
import { getTeamSettings } from "@/lib/team/settings";
import { capViews } from "@/lib/team/spend";
import { claimSubmission, dropSubmission } from "@/lib/team/submissions";
import { checkBatch, type RowError, type ValidRow } from "./check";
import type { BatchInput } from "./input";
import { batchProblem, tightestCap } from "./preview";
import { batchDetail, cancelBatch, type BatchDetail } from "./progress";
import { findRepeats } from "./repeats";

type Options = { user: SessionUser; origin: string; idempotencyKey: string | null };
const sha = (text: string) => createHash("sha256").update(text).digest("hex");

/** A row's submission id (jobs.batch_id), the same on every resend: which rows have their jobs is then known. */
const rowBatchId = (groupId: string, line: number) => createHash("sha256").update(`${groupId}:${line}`).digest("base64url").slice(0, 22);

/** Makes each row's jobs that are not made yet, in order, through the single generate's pipeline. */
async function makeRows(group: JobGroup, rows: ValidRow[], options: Options): Promise<number> {
  const made = await groupRowBatchIds(group.id);
  let count = 0;
  for (const row of rows) {
    const batchId = rowBatchId(group.id, row.line);
    if (made.has(batchId)) continue;
    // Cancelled meanwhile (from the batch page, another shell): the rows not made yet are not made or paid.
    if ((await getGroup(group.id))?.cancelledAt != null) break;
    await createJobs(row.request, {
      user: options.user,
      origin: options.origin,
      // Derived from the batch and the row: a concurrent resend of the same row answers its jobs, never makes them twice.
      idempotencyKey: `${group.id}:${row.line}`,
      // The batch asked already, for all its rows at once.
      confirmDuplicate: true,
      groupId: group.id,
      batchId,
    });
    count += 1;
  }
  // A cancel that came while a row was being made missed that row's takes: withdraw them now, unsent.
  if ((await getGroup(group.id))?.cancelledAt != null) await cancelBatch(group.id, options.user, options.origin);
  return count;
}

/** The same batch sent again: the same content answers it and completes any rows a dying first attempt left unmade. */
async function resume(group: JobGroup, rows: ValidRow[], contentHash: string, takes: number, options: Options): Promise<BatchDetail> {
  const earlier = await claimedHash(options.user.id, `batch:${group.key}`);
  if ((earlier !== undefined && earlier !== contentHash) || group.total !== takes) {
    throw new AppError(
      "idempotency_mismatch",
      "This Idempotency-Key was already used for a different batch. Send a new key with a new batch.",
    );
  }
  if (group.cancelledAt === null) await makeRows(group, rows, options);
  return batchDetail(group.id, options.origin, options.user);
}

function invalidRows(rows: { line: number; errors: RowError[] }[]): AppError {
  const list = rows.flatMap((r) => r.errors.map((e) => ({ line: r.line, ...e })));
  const first = list[0]!;
  const more = list.length > 1 ? ` ${list.length - 1} more problem${list.length === 2 ? "" : "s"} in the rows.` : "";
  return new AppError("invalid", `Line ${first.line}, ${first.field}: ${first.message}${more} Nothing was charged.`, undefined, undefined, {
    rows: list,
  });
}

/**
 * All or nothing: every row valid, no unasked repeat, the whole total within what the caps leave and the
 * batch's one submission under the per-minute limit, before anything is stored. Then one job_groups row and
 * each row's jobs through createJobs (caps, ledger, worker as for a single generate).
 */
export async function createBatch(input: BatchInput, options: Options): Promise<{ replayed: boolean; detail: BatchDetail }> {
  const batch = await checkBatch(input);
  const bad = batch.rows.filter((r) => !r.ok);
  if (bad.length > 0) throw invalidRows(bad);
  if (batch.problem) throw new AppError("bad_request", batch.problem);
  const rows = batch.rows as ValidRow[];
  const contentHash = sha(
    JSON.stringify(
      rows.map((r) => [r.line, requestHash(r.request, named(r.request.image), r.request.lastImage ? named(r.request.lastImage) : null)]),
    ),
  );
  const key = options.idempotencyKey ?? `content:${contentHash}`;
  let existing = await findGroupByKey(options.user.id, key);
  // A key answers its batch for a day, as a single generate's does; after that the same key or file is a new batch.
  if (existing && Date.now() - existing.createdAt > KEEP_KEYS_MS) {
    await retireGroupKey(existing);
    existing = undefined;
  }
  if (existing) return { replayed: true, detail: await resume(existing, rows, contentHash, batch.takes, options) };

  const team = await getTeamSettings();
  if (!input.confirmDuplicate) {
    const repeats = await findRepeats(batch);
    if (repeats.length > 0) {
      const lines = repeats.map((r) => r.line).join(", ");
      throw new AppError(
        "conflict",
        `Already generated: line${repeats.length === 1 ? "" : "s"} ${lines} would pay again for a video made in the last day. Run anyway with confirmDuplicate, or change the seed.`,
        undefined,
        undefined,
        { rows: repeats },
      );
    }
  }
  const capsLeft = tightestCap(await capViews(options.user.id, team));
  const over = batchProblem(batch, capsLeft);
  if (over) throw new AppError("spend_cap", `${over} Nothing was charged.`, undefined, undefined, { capsLeft });

  const group: JobGroup = {
    id: newId(),
    userId: options.user.id,
    name: input.name,
    source: input.source,
    total: batch.takes,
    key,
    createdAt: Date.now(),
    cancelledAt: null,
  };
  // The batch is one submission under the member's per-minute limit; its rows claim theirs without counting.
  const claim = await claimSubmission(options.user.id, `batch:${key}`, group.id, contentHash, team.submitsPerMinute);
  if (claim.kind === "replay") {
    const first = await getGroup(claim.batchId);
    if (!first) throw new AppError("conflict", "This batch is still being set up; send it again in a moment.");
    return { replayed: true, detail: await resume(first, rows, contentHash, batch.takes, options) };
  }
  if (!(await insertGroup(group))) {
    await dropSubmission(options.user.id, `batch:${key}`);
    const first = (await findGroupByKey(options.user.id, key))!;
    return { replayed: true, detail: await resume(first, rows, contentHash, batch.takes, options) };
  }
  try {
    await makeRows(group, rows, options);
  } catch (error) {
    // Refused before any row was made (e.g. the caps filled meanwhile): leave nothing behind.
    if ((await groupRowBatchIds(group.id)).size === 0) {
      await deleteGroup(group.id);
      await dropSubmission(options.user.id, `batch:${key}`);
    }
    throw error;
  }
  return { replayed: false, detail: await batchDetail(group.id, options.origin, options.user) };
}
