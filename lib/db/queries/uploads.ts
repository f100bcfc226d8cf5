import "server-only";
import { eq, lt } from "drizzle-orm";
import { getDb } from "../client";

export type UpstreamUpload = { sha256: string; url: string; uploadedAt: number };

/** The upload of these bytes, when one was recorded (fresh or not: the caller decides). */
export async function findUpload(sha256: string): Promise<UpstreamUpload | undefined> {
  const { db, t } = await getDb();
  const [row] = await db.select().from(t.upstreamUploads).where(eq(t.upstreamUploads.sha256, sha256));
  return row ? { sha256: row.sha256, url: row.url, uploadedAt: Number(row.uploadedAt) } : undefined;
}

/** Records a new upload of these bytes; two instances uploading the same image at once both succeed (the later wins). */
export async function saveUpload(upload: UpstreamUpload): Promise<void> {
  const { db, t } = await getDb();
  await db
    .insert(t.upstreamUploads)
    .values(upload)
    .onConflictDoUpdate({ target: t.upstreamUploads.sha256, set: { url: upload.url, uploadedAt: upload.uploadedAt } });
}

/** Forgets one upload (WaveSpeed could not fetch it after all). */
export async function forgetUpload(sha256: string): Promise<void> {
  const { db, t } = await getDb();
  await db.delete(t.upstreamUploads).where(eq(t.upstreamUploads.sha256, sha256));
}

/** Forgets uploads WaveSpeed no longer keeps. */
export async function pruneUploads(before: number): Promise<void> {
  const { db, t } = await getDb();
  await db.delete(t.upstreamUploads).where(lt(t.upstreamUploads.uploadedAt, before));
}
