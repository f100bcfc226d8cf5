import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { jsonBody } from "@/lib/http/body";
import { listPresets, savePreset } from "@/lib/presets/presets";
import { presetSchema } from "@/lib/validations/preset";

/** The team's prompt presets, oldest first (the three examples Keyframe ships with first). */
export async function GET(request: Request) {
  try {
    const user = await requireUser(request);
    return Response.json({ presets: await listPresets(user) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** `{ name, model?, prompt, duration, aspectRatio, cameraFixed, seed, enableSafetyChecker }`, checked like the form: 201 with the preset. */
export async function POST(request: Request) {
  try {
    const user = await requireUser(request);
    return Response.json(await savePreset(await jsonBody(request, presetSchema), user), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
