import { z } from "zod";
import {
  createdTokenSchema,
  createTokenSchema,
  listTokensQuerySchema,
  teamTokenViewSchema,
  tokenViewSchema,
} from "@/lib/validations/tokens";
import { idPath, type AreaPaths } from "../operation";

export const tokenPaths: AreaPaths = {
  "/api/tokens": {
    get: {
      tag: "Tokens",
      id: "listTokens",
      summary: "Your API tokens (admins: `?all=1` for everyone's)",
      access: "browser",
      query: listTokensQuerySchema,
      answers: [
        {
          status: 200,
          description: "The tokens, never their secrets.",
          schema: z.object({ tokens: z.array(z.union([tokenViewSchema, teamTokenViewSchema])) }),
        },
      ],
      refusals: [403],
    },
    post: {
      tag: "Tokens",
      id: "createToken",
      summary: "Make a token (its secret is shown once)",
      description: "Needs a browser session: a token cannot make tokens.",
      access: "browser",
      json: createTokenSchema,
      answers: [
        {
          status: 201,
          description: "The token, and its secret `kf_…` (only in this answer).",
          schema: createdTokenSchema,
        },
      ],
      refusals: [400, 403, 409],
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
