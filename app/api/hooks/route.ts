import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { createHook, listHooks } from "@/lib/hooks/manage";
import { jsonBody } from "@/lib/http/body";
import { hookCreateSchema } from "@/lib/validations/hooks";

/** The member's outgoing webhooks, oldest first, each with its signing secret. */
export async function GET(request: Request) {
  try {
    const user = await requireUser(request);
    return Response.json({ hooks: await listHooks(user) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** `{ url }`: 201 `{ hook: { id, url, secret, createdAt } }`; each of the member's finished takes is then POSTed there. */
export async function POST(request: Request) {
  try {
    const user = await requireUser(request);
    const hook = await createHook(await jsonBody(request, hookCreateSchema), user);
    return Response.json({ hook }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
