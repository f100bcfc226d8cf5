import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/origin";
import { renewShare, revokeShare, setShareVisibility } from "@/lib/jobs/share";
import { toJobView } from "@/lib/jobs/view";
import { validationError } from "@/lib/validations/errors";
import { shareVisibilitySchema } from "@/lib/validations/jobs";

type Context = { params: Promise<{ id: string }> };

/** Makes a new link (the old one stops working). Its maker or an admin. */
export async function POST(request: Request, { params }: Context) {
  try {
    const user = await requireUser(request);
    const job = await renewShare((await params).id, user);
    return Response.json(toJobView(job, requestOrigin(request), user));
  } catch (error) {
    return errorResponse(error);
  }
}

/** `{ visibility: "public" | "team" }`: anyone with the link, or signed-in members only. */
export async function PATCH(request: Request, { params }: Context) {
  try {
    const user = await requireUser(request);
    const body = shareVisibilitySchema.safeParse(await request.json().catch(() => null));
    if (!body.success) throw validationError(body.error);
    const job = await setShareVisibility((await params).id, user, body.data.visibility);
    return Response.json(toJobView(job, requestOrigin(request), user));
  } catch (error) {
    return errorResponse(error);
  }
}

/** Revokes the link: the share page and its media answer 404 from then on. */
export async function DELETE(request: Request, { params }: Context) {
  try {
    const user = await requireUser(request);
    const job = await revokeShare((await params).id, user);
    return Response.json(toJobView(job, requestOrigin(request), user));
  } catch (error) {
    return errorResponse(error);
  }
}
