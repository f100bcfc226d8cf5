import "server-only";

/** Browsers revalidate what they keep: `no-cache` (not `no-store`) makes them send If-None-Match. */
const REVALIDATE = "private, no-cache";

const matches = (header: string | null, tag: string) =>
  header !== null && header.split(",").some((t) => t.trim().replace(/^W\//, "") === tag);

/**
 * A JSON answer under a validator: 304 with no body when the client already has it, else the body from
 * `build` (which is only run then).
 */
export async function conditionalJson(request: Request, tag: string, build: () => Promise<unknown>): Promise<Response> {
  const headers = { ETag: tag, "Cache-Control": REVALIDATE };
  if (matches(request.headers.get("if-none-match"), tag)) return new Response(null, { status: 304, headers });
  return Response.json(await build(), { headers });
}
