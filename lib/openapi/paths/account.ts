import { TOKEN_SCOPES } from "@/lib/db/enums";
import { signInSchema, setupSchema } from "@/lib/validations/account";
import { type AreaPaths } from "../operation";
import { okSchema } from "../schemas/common";
import { z } from "zod";

const cookie = { "set-cookie": z.string().meta({ description: "The session cookie, `keyframe.session_token`." }) };

/** GET /api/session: who a request signs in as (`keyframe whoami`). */
const meSchema = z
  .object({
    user: z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.enum(["admin", "member"]) }),
    token: z
      .object({ id: z.string(), scope: z.enum(TOKEN_SCOPES) })
      .nullable()
      .meta({ description: "The API token the request came with; null for a browser session." }),
  })
  .meta({ id: "Me" });

export const accountPaths: AreaPaths = {
  "/api/session": {
    get: {
      tag: "Account",
      id: "whoAmI",
      summary: "Who the request signs in as, by session or API token",
      access: "member",
      answers: [{ status: 200, description: "The member, and the token if the request came with one.", schema: meSchema }],
    },
    post: {
      tag: "Account",
      id: "signIn",
      summary: "Sign in (sets the session cookie)",
      access: "public",
      json: signInSchema,
      answers: [{ status: 200, description: "Signed in.", schema: okSchema, headers: cookie }],
      refusals: [400, { status: 401, description: "Wrong email or password, or the account is disabled." }, 429],
    },
    delete: {
      tag: "Account",
      id: "signOut",
      summary: "Sign out (ends the session on the server)",
      access: "public",
      answers: [{ status: 200, description: "Signed out.", schema: okSchema }],
    },
  },
  "/api/setup": {
    post: {
      tag: "Account",
      id: "setup",
      summary: "First run only: create the admin and sign in",
      description: "The setup code is in the server's log on first start.",
      access: "public",
      json: setupSchema,
      answers: [{ status: 201, description: "The admin exists and is signed in.", schema: okSchema, headers: cookie }],
      refusals: [400, 403, 409],
    },
  },
};
