import { errorResponse } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { reviewAccess } from "@/lib/reviews/access";
import { myDecisions } from "@/lib/reviews/decisions";
import { myFeedback, readFeedback, submitFeedback } from "@/lib/reviews/feedback";
import { reviewView } from "@/lib/reviews/public";
import { reviewerIdSchema } from "@/lib/validations/review";

type Context = { params: Promise<{ token: string }> };

/** For reviewers, no account needed: the shots, and with `?reviewer=` what that reviewer said and decided before. */
export async function GET(request: Request, { params }: Context) {
  try {
    const { link, rights } = await reviewAccess(request, (await params).token, "view");
    const id = reviewerIdSchema.safeParse(new URL(request.url).searchParams.get("reviewer"));
    const [mine, decisions] = id.success ? await Promise.all([myFeedback(link, id.data), myDecisions(link, id.data)]) : [{}, {}];
    return Response.json({ review: await reviewView(link, rights), mine, decisions }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * `{ reviewerId, name, shots: [{ shotKey, pick, comment }] }` (or one shot's `{ reviewerId, name, shotKey, pick,
 * comment }`): a favourite take and/or a short plain-text comment per shot, all saved or none.
 */
export async function POST(request: Request, { params }: Context) {
  try {
    const { link, rights } = await reviewAccess(request, (await params).token, "view");
    const input = readFeedback(await request.json().catch(() => null));
    await submitFeedback(link, input, clientAddress(request.headers), rights);
    return Response.json({ mine: await myFeedback(link, input.reviewerId) });
  } catch (error) {
    return errorResponse(error);
  }
}
