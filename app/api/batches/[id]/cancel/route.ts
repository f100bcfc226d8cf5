import { requireUser } from "@/lib/auth/session";
import { cancelBatch } from "@/lib/batches/progress";
import { errorResponse } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/origin";

/** Its maker or an admin: the batch's takes still queued are withdrawn (reservations released); those at WaveSpeed finish. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser(request);
    return Response.json(await cancelBatch((await params).id, user, requestOrigin(request)));
  } catch (error) {
    return errorResponse(error);
  }
}
