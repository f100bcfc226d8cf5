import { errorResponse } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/origin";
import { renewShare, revokeShare } from "@/lib/jobs/share";
import { toJobView } from "@/lib/jobs/view";

type Context = { params: Promise<{ id: string }> };

/** Makes a new link (the old one stops working). */
export async function POST(request: Request, { params }: Context) {
  try {
    const job = await renewShare((await params).id);
    return Response.json(toJobView(job, requestOrigin(request)));
  } catch (error) {
    return errorResponse(error);
  }
}

/** Revokes the link: the share page and its media answer 404 from then on. */
export async function DELETE(request: Request, { params }: Context) {
  try {
    const job = await revokeShare((await params).id);
    return Response.json(toJobView(job, requestOrigin(request)));
  } catch (error) {
    return errorResponse(error);
  }
}
