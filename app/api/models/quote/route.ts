import * as z from "zod/mini";
import { requireUser } from "@/lib/auth/session";
import { quoteView } from "@/lib/catalog/quote";
import { AppError, errorResponse } from "@/lib/errors";
import { validationError } from "@/lib/validations/errors";

const quoteSchema = z.object({
  model: z.string({ error: "Choose one of the models offered." }),
  duration: z.number({ error: "Duration must be a whole number." }),
  resolution: z.optional(z.nullable(z.string())),
  generateAudio: z.optional(z.nullable(z.boolean({ error: "Sound must be on or off." }))),
});

/** The price of one video of `duration` s with `model` (at `resolution`, with or without sound): WaveSpeed's quote, kept for an hour. */
export async function POST(request: Request) {
  try {
    await requireUser(request);
    const body: unknown = await request.json().catch(() => {
      throw new AppError("bad_request", "Send a JSON body.");
    });
    const parsed = quoteSchema.safeParse(body);
    if (!parsed.success) throw validationError(parsed.error);
    return Response.json(await quoteView(parsed.data), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
