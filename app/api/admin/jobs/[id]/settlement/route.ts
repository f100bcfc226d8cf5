import { requireAdmin } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { jsonBody } from "@/lib/http/body";
import { chooseTask, settlementView } from "@/lib/money/settle";
import { settleChoiceSchema } from "@/lib/validations/money";
import { wavespeed } from "@/lib/wavespeed";

type Params = { params: Promise<{ id: string }> };

/** Admins: how a take's lost submit was settled against WaveSpeed's history, with the candidate tasks. */
export async function GET(request: Request, { params }: Params) {
  try {
    await requireAdmin(request);
    return Response.json(await settlementView((await params).id));
  } catch (error) {
    return errorResponse(error);
  }
}

/** Admins: the candidate task this take's lost submit made (the take carries on with it), or null for none. */
export async function POST(request: Request, { params }: Params) {
  try {
    await requireAdmin(request);
    const { taskId } = await jsonBody(request, settleChoiceSchema);
    await chooseTask((await params).id, taskId, wavespeed());
    return Response.json(await settlementView((await params).id));
  } catch (error) {
    return errorResponse(error);
  }
}
