import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/origin";
import { starJob } from "@/lib/jobs/stars";

type Context = { params: Promise<{ id: string }> };

/** Stars the take for the signed-in member (each member has their own stars). Answers the job. */
export async function PUT(request: Request, { params }: Context) {
  try {
    const user = await requireUser(request);
    return Response.json(await starJob((await params).id, user, true, requestOrigin(request)));
  } catch (error) {
    return errorResponse(error);
  }
}

/** Takes the member's star off. Answers the job. */
export async function DELETE(request: Request, { params }: Context) {
  try {
    const user = await requireUser(request);
    return Response.json(await starJob((await params).id, user, false, requestOrigin(request)));
  } catch (error) {
    return errorResponse(error);
  }
}
