import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { jsonBody } from "@/lib/http/body";
import { requestOrigin } from "@/lib/http/origin";
import { createReviewLink } from "@/lib/reviews/links";
import { reviewLinkSchema } from "@/lib/validations/review";

/** `{ storyboardId }` or `{ jobIds }`: one link anyone can review with, no account needed. 201 `{ id, url }`. */
export async function POST(request: Request) {
  try {
    const user = await requireUser(request);
    const link = await createReviewLink(await jsonBody(request, reviewLinkSchema), user, requestOrigin(request));
    return Response.json(link, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
