import { createFirstAdmin } from "@/lib/auth/setup";
import { signIn } from "@/lib/auth/sign-in";
import { errorResponse } from "@/lib/errors";
import { setupSchema } from "@/lib/validations/account";
import { validationError } from "@/lib/validations/errors";

/** First run only: creates the admin (with the setup code from the server log) and signs them in. */
export async function POST(request: Request) {
  try {
    const parsed = setupSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw validationError(parsed.error);
    await createFirstAdmin(parsed.data);
    const headers = new Headers({ "Cache-Control": "no-store" });
    for (const cookie of await signIn(parsed.data, request)) headers.append("Set-Cookie", cookie);
    return Response.json({ ok: true }, { status: 201, headers });
  } catch (error) {
    return errorResponse(error);
  }
}
