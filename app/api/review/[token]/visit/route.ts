import { errorResponse } from "@/lib/errors";
import { jsonBody } from "@/lib/http/body";
import { clientAddress } from "@/lib/http/client-address";
import { reviewAccess } from "@/lib/reviews/access";
import { visit } from "@/lib/reviews/visits";
import { visitSchema } from "@/lib/validations/review-controls";

/** `{ reviewerId, name }`: the reviewer opened the link. Answers `{ seenVersion, version }`: what they saw last time, and now. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const { link, rights } = await reviewAccess(request, (await params).token, "view");
    const input = await jsonBody(request, visitSchema);
    return Response.json(await visit(link, rights, input.reviewerId, input.name || null, clientAddress(request.headers)), {
      headers: { "Cache-Control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
