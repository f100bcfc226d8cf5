import { z } from "zod";
import { ERROR_STATUS } from "@/lib/errors";

/** Every refusal, as lib/errors.ts answers it; some codes add fields of their own (named in each operation). */
export const errorBodySchema = z
  .object({
    error: z.looseObject({
      code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
      message: z.string().meta({ description: "A sentence for a person: what went wrong and what to do." }),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .meta({ description: "Per field (its name, or a path like `shots.2.comment`), the first problem found." }),
    }),
  })
  .meta({ id: "Error", description: "`{ error: { code, message, fields? } }`; the HTTP status follows from `code`." });

/** 128-bit random ids, base64url. */
export const keyframeId = z.string().regex(/^[A-Za-z0-9_-]{22}$/);
export const isoTime = z.iso.datetime();
export const okSchema = z.object({ ok: z.literal(true) });
