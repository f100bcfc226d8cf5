import "server-only";
import { createDocument, type ZodOpenApiObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { serverGenerateSchema } from "@/lib/validations/generate-server";
import { IMAGE_URL_MAX } from "@/lib/model/seedance";
import { operation, TAGS, type AreaPaths } from "./operation";
import { accountPaths } from "./paths/account";
import { batchPaths } from "./paths/batches";
import { commentPaths } from "./paths/comments";
import { hookPaths } from "./paths/hooks";
import { jobPaths } from "./paths/jobs";
import { modelPaths } from "./paths/models";
import { moneyPaths } from "./paths/money";
import { presetPaths } from "./paths/presets";
import { reviewPaths } from "./paths/reviews";
import { storyboardPaths } from "./paths/storyboards";
import { systemPaths } from "./paths/system";
import { teamPaths } from "./paths/team";
import { tokenPaths } from "./paths/tokens";

/** Every area's routes. A new route: an entry in its area's file (lib/openapi/paths/<area>.ts). */
const AREAS: AreaPaths[] = [
  jobPaths,
  storyboardPaths,
  presetPaths,
  reviewPaths,
  teamPaths,
  modelPaths,
  accountPaths,
  systemPaths,
  tokenPaths,
  hookPaths,
  batchPaths,
  commentPaths,
  moneyPaths,
];

/** Upload fields take a file part or a URL; zod sees only `unknown` before its own checks. */
const IMAGE_FIELDS = new Set<unknown>([serverGenerateSchema.shape.image, serverGenerateSchema.shape.lastImage]);
const IMAGE_FIELD = {
  description: "A JPEG or PNG file part (at most 10 MB, at least 300×300 px, at most 40 megapixels), or an http(s) URL.",
  anyOf: [
    { type: "string", format: "binary" },
    { type: "string", format: "uri", maxLength: IMAGE_URL_MAX },
  ],
};

function paths(): ZodOpenApiPathsObject {
  const out: ZodOpenApiPathsObject = {};
  for (const area of AREAS) {
    for (const [path, methods] of Object.entries(area)) {
      for (const [method, op] of Object.entries(methods)) (out[path] ??= {})[method as "get"] = operation(method, op);
    }
  }
  return out;
}

const DESCRIPTION = [
  "Keyframe's HTTP API: everything the app does, for scripts and pipelines.",
  "Authenticate with an API token (`Authorization: Bearer kf_…`, made on the API page) or a browser session cookie.",
  "A token's scope limits it: `read` may only GET, `generate` may also make and change takes, `admin` also opens admin routes (for an admin).",
  "Every refusal answers `{ error: { code, message, fields? } }`. Money is in micro-USD (1 USD = 1,000,000).",
].join(" ");

function build(): ZodOpenApiObject {
  return {
    openapi: "3.1.0",
    info: { title: "Keyframe API", version: "1", description: DESCRIPTION },
    tags: TAGS.map((t) => ({ ...t })),
    paths: paths(),
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "kf_<43 characters>",
          description: "An API token: `Authorization: Bearer kf_…`.",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "keyframe.session_token",
          description: "A browser session, from POST /api/session.",
        },
      },
    },
  };
}

let cached: ReturnType<typeof createDocument> | undefined;

/** The document, built from the routes' own zod schemas; `servers` is the address the caller reached. */
export function apiDocument(origin: string) {
  cached ??= createDocument(build(), {
    override: ({ jsonSchema, zodSchema }) => {
      if (IMAGE_FIELDS.has(zodSchema)) Object.assign(jsonSchema, IMAGE_FIELD);
    },
  });
  return { ...cached, servers: [{ url: origin }] };
}
