import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/origin";
import { jobById } from "@/lib/jobs/list";
import { deleteJob } from "@/lib/jobs/manage";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context) {
  try {
    const user = await requireUser(request);
    const { id } = await params;
    return Response.json(await jobById(id, requestOrigin(request), user), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Its maker or an admin: 204; 409 while it is still running. */
export async function DELETE(request: Request, { params }: Context) {
  try {
    const user = await requireUser(request);
    await deleteJob((await params).id, user);
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
