import { requireUser } from "@/lib/auth/session";
import { createBatch } from "@/lib/batches/create";
import { readBatch } from "@/lib/batches/input";
import { listBatches } from "@/lib/batches/progress";
import { errorResponse } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/origin";
import { batchListQuerySchema } from "@/lib/validations/batch";
import { validationError } from "@/lib/validations/errors";

/**
 * A batch from a file (multipart: file, images zip, image parts) or JSON ({ rows } or { sweep }): all rows
 * valid and the total within the caps, or nothing is made. `Idempotency-Key` (else a hash of the member and
 * the content) names it: the same batch again answers 200 and completes any rows not made yet.
 */
export async function POST(request: Request) {
  try {
    const user = await requireUser(request);
    const input = await readBatch(request);
    const key = request.headers.get("idempotency-key")?.trim().slice(0, 200) || null;
    const { replayed, detail } = await createBatch(input, { user, origin: requestOrigin(request), idempotencyKey: key });
    return Response.json(detail, { status: replayed ? 200 : 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

/** The member's batches, newest first, with their progress. */
export async function GET(request: Request) {
  try {
    const user = await requireUser(request);
    const query = batchListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw validationError(query.error);
    return Response.json({ batches: await listBatches(user, query.data.limit) });
  } catch (error) {
    return errorResponse(error);
  }
}
