import { requireUser } from "@/lib/auth/session";
import { addMemberComment, memberComments } from "@/lib/comments/comments";
import { errorResponse } from "@/lib/errors";
import { jsonBody } from "@/lib/http/body";
import { commentTargetSchema, commentSchema } from "@/lib/validations/comments";
import { validationError } from "@/lib/validations/errors";

/** `?jobId=` or `?filmId=`: the comments on that take's or film's picture, oldest first. */
export async function GET(request: Request) {
  try {
    const user = await requireUser(request);
    const query = commentTargetSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw validationError(query.error);
    return Response.json(await memberComments(query.data, user), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** `{ jobId | filmId, body, atMs, endMs?, drawing? }` or a reply `{ jobId | filmId, parentId, body }`. 201. */
export async function POST(request: Request) {
  try {
    const user = await requireUser(request);
    return Response.json(await addMemberComment(await jsonBody(request, commentSchema), user), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
