import { errorResponse } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { jsonBody } from "@/lib/http/body";
import { reviewAccess } from "@/lib/reviews/access";
import { decide, myDecisions } from "@/lib/reviews/decisions";
import { reviewView } from "@/lib/reviews/public";
import { decisionSchema } from "@/lib/validations/review-controls";

/**
 * `{ reviewerId, name, shotKey, decision }`: "approved" or "changes_requested" on a shot ("film" for the whole
 * film), replacing the reviewer's earlier one; null withdraws it. 403 when the team turned decisions off.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const { link, rights } = await reviewAccess(request, (await params).token, "decide");
    const input = await jsonBody(request, decisionSchema);
    await decide(link, await reviewView(link, rights), input, clientAddress(request.headers));
    return Response.json({ decisions: await myDecisions(link, input.reviewerId) });
  } catch (error) {
    return errorResponse(error);
  }
}
