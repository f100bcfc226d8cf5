import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/origin";
import { retryCopy } from "@/lib/jobs/manage";
import { toJobView } from "@/lib/jobs/view";

/** Try again to save Keyframe's copy of a finished video whose copy gave up. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser(request);
    const job = await retryCopy((await params).id, user);
    return Response.json(toJobView(job, requestOrigin(request), user), { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
