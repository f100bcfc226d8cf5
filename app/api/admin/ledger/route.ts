import { requireAdmin } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { ledgerCsv, ledgerReport } from "@/lib/money/report";
import { ledgerWindow } from "@/lib/money/window";
import { ledgerQuerySchema } from "@/lib/validations/money";
import { validationError } from "@/lib/validations/errors";

/** Admins: the ledger (quote, WaveSpeed's charge and refund per take; other use of the key apart), as JSON or CSV. */
export async function GET(request: Request) {
  try {
    await requireAdmin(request);
    const query = ledgerQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw validationError(query.error);
    const { from, to } = ledgerWindow(query.data, Date.now());
    const report = await ledgerReport(from, to);
    if (query.data.format === "json") return Response.json(report);
    const name = `keyframe-ledger-${report.from.slice(0, 10)}-to-${report.to.slice(0, 10)}.csv`;
    return new Response(ledgerCsv(report), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"` },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
