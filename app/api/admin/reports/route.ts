import { requireAdmin } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { spendReport } from "@/lib/money/reports";
import { ledgerWindow } from "@/lib/money/window";
import { validationError } from "@/lib/validations/errors";
import { ledgerQuerySchema } from "@/lib/validations/money";
import { wavespeed } from "@/lib/wavespeed";

/** Admins: spend by member, model and day (WaveSpeed's daily totals beside), this month's projection against its cap. */
export async function GET(request: Request) {
  try {
    await requireAdmin(request);
    const query = ledgerQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw validationError(query.error);
    const { from, to } = ledgerWindow(query.data, Date.now());
    return Response.json(await spendReport(wavespeed(), from, to), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
