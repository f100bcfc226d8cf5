import { errorResponse } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/origin";
import { apiDocument } from "@/lib/openapi/document";

/** The OpenAPI 3.1 document, built from the routes' own zod schemas; no session needed (it holds no secrets). */
export async function GET(request: Request) {
  try {
    return Response.json(apiDocument(requestOrigin(request)), {
      headers: {
        "Cache-Control": "public, max-age=300",
        // `servers` is the address the caller reached.
        Vary: "Host, X-Forwarded-Host, X-Forwarded-Proto",
        "Access-Control-Allow-Origin": "*",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
