import { requireAdmin } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { jsonBody } from "@/lib/http/body";
import { notifySettingsView, setSlackUrl } from "@/lib/reviews/notify/settings";
import { reviewNotifySchema } from "@/lib/validations/review-controls";

/** Whether review news goes to a Slack-compatible webhook (its host only: the address is a secret), and how the last batch went. Admins. */
export async function GET(request: Request) {
  try {
    await requireAdmin(request);
    return Response.json(await notifySettingsView(), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** `{ slackUrl }`: reviewers' comments and decisions go there in batches from now on; null stops them. Admins. */
export async function PUT(request: Request) {
  try {
    await requireAdmin(request);
    const { slackUrl } = await jsonBody(request, reviewNotifySchema);
    return Response.json(await setSlackUrl(slackUrl));
  } catch (error) {
    return errorResponse(error);
  }
}
