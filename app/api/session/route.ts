import { requireUser } from "@/lib/auth/session";
import { signIn, signOut } from "@/lib/auth/sign-in";
import { errorResponse } from "@/lib/errors";
import { signInSchema } from "@/lib/validations/account";
import { validationError } from "@/lib/validations/errors";

function withCookies(body: unknown, cookies: string[], status = 200): Response {
  const headers = new Headers({ "Cache-Control": "no-store" });
  for (const cookie of cookies) headers.append("Set-Cookie", cookie);
  return Response.json(body, { status, headers });
}

/** Sign in: `{ email, password }`. */
export async function POST(request: Request) {
  try {
    const parsed = signInSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw validationError(parsed.error);
    return withCookies({ ok: true }, await signIn(parsed.data, request));
  } catch (error) {
    return errorResponse(error);
  }
}

/** Sign out: the session ends on the server, not only in this browser. */
export async function DELETE(request: Request) {
  try {
    return withCookies({ ok: true }, await signOut(request));
  } catch (error) {
    return errorResponse(error);
  }
}

/** Who a request signs in as, by its session or its API token (`keyframe whoami`). */
export async function GET(request: Request) {
  try {
    const { id, name, email, role, token } = await requireUser(request);
    return Response.json({ user: { id, name, email, role }, token: token ?? null }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
