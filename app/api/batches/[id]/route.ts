import { requireUser } from "@/lib/auth/session";
import { batchDetail } from "@/lib/batches/progress";
import { errorResponse } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/origin";

/** A batch's progress (counts by status) and its takes. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser(request);
    return Response.json(await batchDetail((await params).id, requestOrigin(request), user));
  } catch (error) {
    return errorResponse(error);
  }
}
