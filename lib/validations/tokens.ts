import { z } from "zod";
import { TOKEN_SCOPES } from "@/lib/db/enums";
import { plainText } from "./plain-text";

export const TOKEN_NAME_MAX = 60;
export const TOKEN_EXPIRY_MAX_DAYS = 365;
/** How many live (unrevoked, unexpired) tokens one member may hold. */
export const TOKENS_PER_MEMBER = 50;

/** What each scope lets a token do, in the words the tokens panel shows. */
export const SCOPE_LABELS: Record<(typeof TOKEN_SCOPES)[number], string> = {
  read: "Read only",
  generate: "Generate and read",
  admin: "Admin",
};

/** POST /api/tokens: a name, a scope, and an expiry in whole days (1-365) or none (null or left out). */
export const createTokenSchema = z.object({
  name: plainText("The token name", TOKEN_NAME_MAX),
  scope: z.enum(TOKEN_SCOPES, { error: `Choose a scope: ${TOKEN_SCOPES.join(", ")}.` }),
  expiresInDays: z
    .number({ error: "The expiry must be a number of days, or none." })
    .int({ error: "The expiry must be a whole number of days." })
    .min(1, { error: "The expiry must be at least 1 day." })
    .max(TOKEN_EXPIRY_MAX_DAYS, { error: `The expiry can be at most ${TOKEN_EXPIRY_MAX_DAYS} days.` })
    .nullable()
    .optional(),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;
export type CreateToken = z.output<typeof createTokenSchema>;

/** GET /api/tokens: `?all=1` (admins) lists every member's tokens. */
export const listTokensQuerySchema = z.object({
  all: z.enum(["0", "1"], { error: "all is 1 or 0." }).optional(),
});

/** A token as the API shows it (never its secret, except once in the POST's answer). */
export const tokenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scope: z.enum(TOKEN_SCOPES),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type TokenView = z.infer<typeof tokenViewSchema>;

export const teamTokenViewSchema = tokenViewSchema.extend({
  member: z.object({ id: z.string(), name: z.string(), email: z.string() }),
});
export type TeamTokenView = z.infer<typeof teamTokenViewSchema>;

export const createdTokenSchema = z.object({ token: tokenViewSchema, secret: z.string() });
