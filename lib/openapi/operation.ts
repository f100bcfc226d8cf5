import type { core } from "zod";
import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiResponsesObject } from "zod-openapi";
import { errorBodySchema } from "./schemas/common";

export const TAGS = [
  { name: "Jobs", description: "Takes: generate, list, follow, share, star, retry, cancel, delete." },
  { name: "Storyboards", description: "Boards of shots, each shot's takes and pick, and the films exported from them." },
  { name: "Presets", description: "The team's saved prompts and settings." },
  { name: "Reviews", description: "Review links: anyone with one can pick favourites and comment, without an account." },
  { name: "Models", description: "The Seedance models Keyframe offers, and their prices." },
  { name: "Team", description: "Spend and caps; members and team settings (admins)." },
  { name: "Tokens", description: "API tokens for scripts (managed from a browser session)." },
  { name: "Hooks", description: "Outgoing webhooks: Keyframe POSTs each finished take to your URL." },
  { name: "Batches", description: "Many takes from a CSV or JSON file, or a sweep." },
  { name: "Account", description: "Signing in and out, and the first run." },
  { name: "System", description: "Health and this document." },
] as const;
export type Tag = (typeof TAGS)[number]["name"];

/**
 * Who may call an operation. public: anyone; member: a signed-in member or a token (read scope: GET only);
 * admin: an admin member, or an admin's token with admin scope; browser: a session cookie only (no token).
 */
export type Access = "public" | "member" | "admin" | "browser";

type Answer = { status: number; description: string; schema?: core.$ZodType; headers?: Record<string, core.$ZodType> };
type Refusal = number | Answer;

export type Operation = {
  tag: Tag;
  /** Unique across the document: `listJobs`, `createToken`. */
  id: string;
  summary: string;
  description?: string;
  access: Access;
  path?: z.ZodObject;
  query?: z.ZodObject;
  /** Takes an `Idempotency-Key` header: the same key again answers the first result. */
  idempotent?: boolean;
  /** The request body: JSON, multipart form fields, or either (both given). */
  json?: core.$ZodType;
  multipart?: core.$ZodType;
  answers: Answer[];
  /** Statuses the caller can act on beyond 401/403, which access adds; a number uses the shared error body. */
  refusals?: Refusal[];
};

const REFUSALS: Record<number, string> = {
  400: "Invalid input: `fields` names each field and what is wrong with it.",
  401: "No session or token, or the token is unknown, revoked or expired, or its member is disabled.",
  403: "Not allowed: another member's, a token's scope too narrow, or a spend cap reached (`spend_cap`).",
  404: "No such thing, or not visible to you.",
  409: "Conflicts with the current state (the message says which).",
  413: "The upload is too large.",
  422: "The Idempotency-Key was used before with a different request.",
  429: "Too many requests: wait for `Retry-After` seconds.",
  502: "WaveSpeed answered with an error.",
  503: "Not available right now.",
};

const idempotencyKey = z.object({
  "idempotency-key": z.string().max(200).optional().meta({
    description:
      "Any unique text (at most 200 characters): sending the same key again answers the first result (200) instead of a new charge.",
  }),
});

const bearer: Record<string, string[]> = { bearerAuth: [] };
const cookie: Record<string, string[]> = { sessionCookie: [] };
const SECURITY: Record<Access, Record<string, string[]>[]> = {
  public: [],
  member: [bearer, cookie],
  admin: [bearer, cookie],
  browser: [cookie],
};

/** The token scope an operation needs: read for reads, generate for changes, admin for admin routes. */
function scopeOf(access: Access, method: string): string | null {
  if (access === "public" || access === "browser") return null;
  if (access === "admin") return "admin";
  return method === "get" ? "read" : "generate";
}

function response({ description, schema, headers }: Answer) {
  return {
    description,
    ...(headers ? { headers: z.object(headers) } : {}),
    ...(schema ? { content: { "application/json": { schema } } } : {}),
  };
}

/** An operation in zod-openapi's terms, with the refusals its access implies. */
export function operation(method: string, op: Operation): ZodOpenApiOperationObject {
  const refusals: Refusal[] = [...(op.refusals ?? [])];
  if (op.access !== "public") refusals.push(401);
  if (op.access === "admin" && !refusals.includes(403)) refusals.push(403);
  const responses: ZodOpenApiResponsesObject = {};
  for (const answer of op.answers) responses[`${answer.status}` as `2${string}`] = response(answer);
  for (const refusal of refusals) {
    const answer = typeof refusal === "number" ? { status: refusal, description: REFUSALS[refusal] ?? "Refused." } : refusal;
    const headers = answer.status === 429 ? { "retry-after": z.string().meta({ description: "Seconds to wait." }) } : undefined;
    responses[`${answer.status}` as `4${string}`] = response({ schema: errorBodySchema, headers, ...answer });
  }
  const content = {
    ...(op.json ? { "application/json": { schema: op.json } } : {}),
    ...(op.multipart ? { "multipart/form-data": { schema: op.multipart } } : {}),
  };
  return {
    operationId: op.id,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    security: SECURITY[op.access],
    "x-keyframe-scope": scopeOf(op.access, method),
    requestParams: {
      ...(op.path ? { path: op.path } : {}),
      ...(op.query ? { query: op.query } : {}),
      ...(op.idempotent ? { header: idempotencyKey } : {}),
    },
    ...(op.json || op.multipart ? { requestBody: { required: true, content } } : {}),
    responses,
  };
}

export type AreaPaths = Record<string, Partial<Record<"get" | "post" | "put" | "patch" | "delete", Operation>>>;

/** Path parameters: `{id}` and the like, as the route's folder names them. */
export const idPath = z.object({ id: z.string().meta({ description: "The id, as the API answered it." }) });
