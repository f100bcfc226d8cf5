import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/origin";
import { retryJob } from "@/lib/jobs/manage";

/** A new job with the failed one's inputs: a new charge, under the caps; the browser shows the price first. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser(request);
    const key = request.headers.get("idempotency-key")?.trim().slice(0, 200) || null;
    const created = await retryJob((await params).id, user, requestOrigin(request), key);
    return Response.json({ jobs: created.jobs }, { status: created.replayed ? 200 : 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
