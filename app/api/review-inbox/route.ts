import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { jsonBody } from "@/lib/http/body";
import { readInbox, reviewInbox } from "@/lib/reviews/inbox";
import { idSchema } from "@/lib/validations/plain-text";

/** Reviewers' comments and decisions this member has not read: a total and a count per link. */
export async function GET(request: Request) {
  try {
    const user = await requireUser(request);
    return Response.json(await reviewInbox(user.id), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

const readSchema = z.object({ linkIds: z.array(idSchema("A review link")).min(1).max(500) });

/** `{ linkIds }`: this member has read what reviewers said on these links, up to now. 204. */
export async function POST(request: Request) {
  try {
    const user = await requireUser(request);
    await readInbox(user.id, (await jsonBody(request, readSchema)).linkIds);
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
