import { errorResponse } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/origin";
import { jobById } from "@/lib/jobs/list";
import { deleteJob } from "@/lib/jobs/manage";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context) {
  try {
    const { id } = await params;
    return Response.json(await jobById(id, requestOrigin(request)), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(_request: Request, { params }: Context) {
  try {
    const { id } = await params;
    await deleteJob(id);
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
