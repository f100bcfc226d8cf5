import { addReviewerComment, commentLink, reviewerComments } from "@/lib/comments/reviewer";
import { errorResponse } from "@/lib/errors";
import { jsonBody } from "@/lib/http/body";
import { clientAddress } from "@/lib/http/client-address";
import { reviewerCommentSchema } from "@/lib/validations/comments";
import { reviewerIdSchema } from "@/lib/validations/review";

type Context = { params: Promise<{ token: string }> };

/** For reviewers, no account needed: the comments on the link's takes (theirs marked `mine` with `?reviewer=`). */
export async function GET(request: Request, { params }: Context) {
  try {
    const link = await commentLink(request, (await params).token, "read");
    const id = reviewerIdSchema.safeParse(new URL(request.url).searchParams.get("reviewer"));
    return Response.json(await reviewerComments(link, id.success ? id.data : null), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** `{ reviewerId, name, jobId, body, atMs, endMs?, drawing? }` or a reply `{ reviewerId, name, jobId, parentId, body }`. 201. */
export async function POST(request: Request, { params }: Context) {
  try {
    const link = await commentLink(request, (await params).token, "write");
    const input = await jsonBody(request, reviewerCommentSchema);
    return Response.json(await addReviewerComment(link, input, clientAddress(request.headers)), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
