import { errorResponse } from "@/lib/errors";
import { jsonBody } from "@/lib/http/body";
import { unlockLink } from "@/lib/reviews/access";
import { unlockSchema } from "@/lib/validations/review-controls";

/**
 * `{ passphrase }`: the right one answers 204 with a cookie that opens this link (only) for 12 hours; a wrong one
 * 401 with the field's error; more than 10 wrong tries from one address in 15 minutes 429.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const { passphrase } = await jsonBody(request, unlockSchema);
    const cookie = await unlockLink(request, (await params).token, passphrase);
    return new Response(null, { status: 204, headers: { "Set-Cookie": cookie, "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
