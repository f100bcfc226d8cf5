import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { jsonBody } from "@/lib/http/body";
import { requestOrigin } from "@/lib/http/origin";
import { boardSummaries, createBoard } from "@/lib/storyboards/boards";
import { boardView } from "@/lib/storyboards/view";
import { newBoardSchema } from "@/lib/validations/storyboard";

export async function GET(request: Request) {
  try {
    await requireUser(request);
    return Response.json({ storyboards: await boardSummaries() }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** `{ name, jobIds? }`: a new storyboard, one shot per take given. 201 with the board. */
export async function POST(request: Request) {
  try {
    const user = await requireUser(request);
    const board = await createBoard(await jsonBody(request, newBoardSchema), user);
    return Response.json(await boardView(board.id, requestOrigin(request), user), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
