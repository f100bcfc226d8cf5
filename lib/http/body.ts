import { safeParseAsync, type core, type output } from "zod/mini";
import { validationError } from "@/lib/validations/errors";

/** A JSON request body checked by `schema`: a 400 with per-field messages otherwise. */
// Schemas from zod and from zod/mini alike (the form's schema is zod/mini, for the browser's sake).
export async function jsonBody<S extends core.$ZodType>(request: Request, schema: S): Promise<output<S>> {
  const parsed = await safeParseAsync(schema, await request.json().catch(() => null));
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
