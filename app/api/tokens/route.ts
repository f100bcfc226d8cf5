import { requireSessionUser } from "@/lib/auth/session";
import { listTeamTokens, listTokens, makeToken } from "@/lib/auth/tokens";
import { errorResponse } from "@/lib/errors";
import { jsonBody } from "@/lib/http/body";
import { createTokenSchema, listTokensQuerySchema } from "@/lib/validations/tokens";
import { validationError } from "@/lib/validations/errors";

const noStore = { "Cache-Control": "no-store" };

/** The member's own live API tokens; `?all=1` (admins): every member's, with whose each is. Browser session only. */
export async function GET(request: Request) {
  try {
    const user = await requireSessionUser(request);
    const query = listTokensQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw validationError(query.error);
    const tokens = query.data.all === "1" ? await listTeamTokens(user) : await listTokens(user);
    return Response.json({ tokens }, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}

/** `{ name, scope, expiresInDays? }`: 201 `{ token, secret }`, the secret shown this once. Browser session only. */
export async function POST(request: Request) {
  try {
    const user = await requireSessionUser(request);
    return Response.json(await makeToken(await jsonBody(request, createTokenSchema), user), { status: 201, headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
