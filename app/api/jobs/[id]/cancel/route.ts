import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/origin";
import { cancelJob } from "@/lib/jobs/manage";
import { toJobView } from "@/lib/jobs/view";

/** Its maker or an admin: a job still queued in Keyframe is withdrawn (200); once sent to WaveSpeed, 409. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser(request);
    const job = await cancelJob((await params).id, user);
    return Response.json(toJobView(job, requestOrigin(request), user));
  } catch (error) {
    return errorResponse(error);
  }
}
