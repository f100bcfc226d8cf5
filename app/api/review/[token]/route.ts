import { AppError, errorResponse } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { myFeedback, readFeedback, submitFeedback } from "@/lib/reviews/feedback";
import { reviewLink, reviewView } from "@/lib/reviews/public";
import { reviewerIdSchema } from "@/lib/validations/review";

type Context = { params: Promise<{ token: string }> };

const NO_LINK = () => new AppError("not_found", "This review link does not exist or is no longer shared.");

/** For reviewers, no account needed: the shots, and with `?reviewer=` what that reviewer said before. */
export async function GET(request: Request, { params }: Context) {
  try {
    const link = await reviewLink((await params).token);
    if (!link) throw NO_LINK();
    const id = reviewerIdSchema.safeParse(new URL(request.url).searchParams.get("reviewer"));
    return Response.json(
      { review: await reviewView(link), mine: id.success ? await myFeedback(link, id.data) : {} },
      { headers: { "Cache-Control": "no-store" } },
    );
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
    const link = await reviewLink((await params).token);
    if (!link) throw NO_LINK();
    const input = readFeedback(await request.json().catch(() => null));
    await submitFeedback(link, input, clientAddress(request.headers));
    return Response.json({ mine: await myFeedback(link, input.reviewerId) });
  } catch (error) {
    return errorResponse(error);
  }
}
