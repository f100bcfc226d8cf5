import { requireUser } from "@/lib/auth/session";
import { resolveThread } from "@/lib/comments/comments";
import { errorResponse } from "@/lib/errors";
import { jsonBody } from "@/lib/http/body";
import { resolveSchema } from "@/lib/validations/comments";

type Context = { params: Promise<{ id: string }> };

/** `{ resolved }`: the team marks a thread resolved, or opens it again. Answers the picture's comments. */
export async function PATCH(request: Request, { params }: Context) {
  try {
    const user = await requireUser(request);
    const { resolved } = await jsonBody(request, resolveSchema);
    return Response.json(await resolveThread((await params).id, resolved, user));
  } catch (error) {
    return errorResponse(error);
  }
}
