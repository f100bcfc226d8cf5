import { errorResponse } from "@/lib/errors";
import { receiveWebhook } from "@/lib/jobs/webhook";

/** WaveSpeed's delivery of a finished task (see lib/jobs/webhook.ts); verified by its signature, not a session. */
export async function POST(request: Request) {
  try {
    const body = await request.text();
    return Response.json(await receiveWebhook(request.headers, body), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
