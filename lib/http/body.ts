import type { z } from "zod";
import { validationError } from "@/lib/validations/errors";

/** A JSON request body checked by `schema`: a 400 with per-field messages otherwise. */
export async function jsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const parsed = await schema.safeParseAsync(await request.json().catch(() => null));
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
