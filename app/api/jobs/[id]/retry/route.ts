import { errorResponse } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/origin";
import { retryJob } from "@/lib/jobs/manage";

/** A new job with the failed one's inputs: a new charge, which the browser shows before calling this. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const job = await retryJob((await params).id, requestOrigin(request));
    return Response.json({ jobs: [job] }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
