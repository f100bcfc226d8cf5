import { z } from "zod";
import { TOKEN_SCOPES } from "@/lib/db/enums";
import { idPath, type AreaPaths } from "../operation";
import { isoTime } from "../schemas/common";

// Placeholders from the brief's contract, until the tokens route lands: the lead swaps in the schemas that
// route validates with (lib/validations/tokens.ts).
const newTokenSchema = z.object({
  name: z.string().min(1).max(80),
  scope: z.enum(TOKEN_SCOPES),
  expiresInDays: z.number().int().min(1).nullable().optional(),
});
const tokenViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: "The token's first 10 characters, to tell tokens apart." }),
    scope: z.enum(TOKEN_SCOPES),
    createdAt: isoTime,
    expiresAt: isoTime.nullable(),
    lastUsedAt: isoTime.nullable(),
  })
  .meta({ id: "Token" });

export const tokenPaths: AreaPaths = {
  "/api/tokens": {
    get: {
      tag: "Tokens",
      id: "listTokens",
      summary: "Your API tokens (admins: `?all=1` for everyone's)",
      access: "browser",
      query: z.object({ all: z.enum(["1"]).optional() }),
      answers: [{ status: 200, description: "The tokens, never their secrets.", schema: z.object({ tokens: z.array(tokenViewSchema) }) }],
      refusals: [403],
    },
    post: {
      tag: "Tokens",
      id: "createToken",
      summary: "Make a token (its secret is shown once)",
      description: "Needs a browser session: a token cannot make tokens.",
      access: "browser",
      json: newTokenSchema,
      answers: [
        {
          status: 201,
          description: "The token, and its secret `kf_…` (only in this answer).",
          schema: z.object({ token: tokenViewSchema, secret: z.string().startsWith("kf_") }),
        },
      ],
      refusals: [400, 403],
    },
  },
  "/api/tokens/{id}": {
    delete: {
      tag: "Tokens",
      id: "revokeToken",
      summary: "Revoke a token (yours, or any for an admin)",
      access: "browser",
      path: idPath,
      answers: [{ status: 204, description: "Revoked: it gets 401 from now on." }],
      refusals: [403, 404],
    },
  },
};
