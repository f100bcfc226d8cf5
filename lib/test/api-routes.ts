type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const id = "AAAAAAAAAAAAAAAAAAAAAA";
const params = { id, kind: "videos", name: `${id}.mp4`, shareId: id, shotId: id, action: "continue", deliveryId: id };

/** Every API (and media) route and method that needs a member, with its module: each must answer 401 to nobody. */
export const ROUTES: [string, () => Promise<Record<string, unknown>>, string[]][] = [
  ["/api/jobs", () => import("@/app/api/jobs/route"), ["GET", "POST"]],
  ["/api/jobs/changes", () => import("@/app/api/jobs/changes/route"), ["GET"]],
  ["/api/jobs/[id]", () => import("@/app/api/jobs/[id]/route"), ["GET", "DELETE"]],
  ["/api/jobs/[id]/share", () => import("@/app/api/jobs/[id]/share/route"), ["POST", "PATCH", "DELETE"]],
  ["/api/jobs/[id]/retry", () => import("@/app/api/jobs/[id]/retry/route"), ["POST"]],
  ["/api/jobs/[id]/copy", () => import("@/app/api/jobs/[id]/copy/route"), ["POST"]],
  ["/api/jobs/[id]/cancel", () => import("@/app/api/jobs/[id]/cancel/route"), ["POST"]],
  ["/api/spend", () => import("@/app/api/spend/route"), ["GET"]],
  ["/api/models/quote", () => import("@/app/api/models/quote/route"), ["POST"]],
  ["/api/admin/settings", () => import("@/app/api/admin/settings/route"), ["GET", "PUT"]],
  ["/api/admin/members", () => import("@/app/api/admin/members/route"), ["GET", "POST"]],
  ["/api/admin/members/[id]", () => import("@/app/api/admin/members/[id]/route"), ["PATCH"]],
  ["/api/admin/alerts", () => import("@/app/api/admin/alerts/route"), ["GET", "PUT"]],
  ["/api/admin/alerts/seen", () => import("@/app/api/admin/alerts/seen/route"), ["POST"]],
  ["/api/account/limit", () => import("@/app/api/account/limit/route"), ["GET", "PUT"]],
  ["/api/admin/reports", () => import("@/app/api/admin/reports/route"), ["GET"]],
  ["/api/admin/ledger", () => import("@/app/api/admin/ledger/route"), ["GET"]],
  ["/api/admin/billing/pull", () => import("@/app/api/admin/billing/pull/route"), ["POST"]],
  ["/api/admin/jobs/[id]/settlement", () => import("@/app/api/admin/jobs/[id]/settlement/route"), ["GET", "POST"]],
  ["/api/jobs/[id]/star", () => import("@/app/api/jobs/[id]/star/route"), ["PUT", "DELETE"]],
  ["/api/storyboards", () => import("@/app/api/storyboards/route"), ["GET", "POST"]],
  ["/api/storyboards/[id]", () => import("@/app/api/storyboards/[id]/route"), ["GET", "PATCH", "DELETE"]],
  ["/api/storyboards/[id]/shots", () => import("@/app/api/storyboards/[id]/shots/route"), ["POST"]],
  ["/api/storyboards/[id]/order", () => import("@/app/api/storyboards/[id]/order/route"), ["PUT"]],
  ["/api/storyboards/[id]/shots/[shotId]", () => import("@/app/api/storyboards/[id]/shots/[shotId]/route"), ["PATCH", "DELETE"]],
  ["/api/storyboards/[id]/shots/[shotId]/[action]", () => import("@/app/api/storyboards/[id]/shots/[shotId]/[action]/route"), ["POST"]],
  ["/api/storyboards/[id]/export", () => import("@/app/api/storyboards/[id]/export/route"), ["POST"]],
  ["/api/films/[id]", () => import("@/app/api/films/[id]/route"), ["DELETE"]],
  ["/api/films/[id]/share", () => import("@/app/api/films/[id]/share/route"), ["POST", "DELETE"]],
  ["/api/review-links", () => import("@/app/api/review-links/route"), ["POST"]],
  ["/api/comments", () => import("@/app/api/comments/route"), ["GET", "POST"]],
  ["/api/comments/[id]", () => import("@/app/api/comments/[id]/route"), ["PATCH"]],
  ["/api/storyboards/[id]/markers", () => import("@/app/api/storyboards/[id]/markers/route"), ["GET"]],
  ["/api/review-links/[id]", () => import("@/app/api/review-links/[id]/route"), ["PATCH", "DELETE"]],
  ["/api/review-inbox", () => import("@/app/api/review-inbox/route"), ["GET", "POST"]],
  ["/api/admin/review-notify", () => import("@/app/api/admin/review-notify/route"), ["GET", "PUT"]],
  ["/api/presets", () => import("@/app/api/presets/route"), ["GET", "POST"]],
  ["/api/presets/[id]", () => import("@/app/api/presets/[id]/route"), ["PATCH", "DELETE"]],
  ["/api/tokens", () => import("@/app/api/tokens/route"), ["GET", "POST"]],
  ["/api/tokens/[id]", () => import("@/app/api/tokens/[id]/route"), ["DELETE"]],
  ["/api/batches", () => import("@/app/api/batches/route"), ["GET", "POST"]],
  ["/api/batches/preview", () => import("@/app/api/batches/preview/route"), ["POST"]],
  ["/api/batches/[id]", () => import("@/app/api/batches/[id]/route"), ["GET"]],
  ["/api/batches/[id]/cancel", () => import("@/app/api/batches/[id]/cancel/route"), ["POST"]],
  ["/api/hooks", () => import("@/app/api/hooks/route"), ["GET", "POST"]],
  ["/api/hooks/[id]", () => import("@/app/api/hooks/[id]/route"), ["DELETE"]],
  ["/api/hooks/[id]/test", () => import("@/app/api/hooks/[id]/test/route"), ["POST"]],
  ["/api/hooks/[id]/deliveries", () => import("@/app/api/hooks/[id]/deliveries/route"), ["GET"]],
  ["/api/hooks/[id]/deliveries/[deliveryId]/retry", () => import("@/app/api/hooks/[id]/deliveries/[deliveryId]/retry/route"), ["POST"]],
  ["/media/films/[name]", () => import("@/app/media/films/[name]/route"), ["GET", "HEAD"]],
  ["/media/[kind]/[name]", () => import("@/app/media/[kind]/[name]/route"), ["GET", "HEAD"]],
  ["/media/inputs/[name]", () => import("@/app/media/inputs/[name]/route"), ["GET"]],
];

/** Routes that need no member (each checks its caller its own way): the completeness test skips them. */
export const OPEN_ROUTES = [
  "/api/health",
  "/api/session",
  "/api/setup",
  "/api/openapi.json",
  "/api/webhooks/wavespeed",
  "/api/review/[token]",
  "/api/review/[token]/comments",
  "/api/review/[token]/passphrase",
  "/api/review/[token]/decisions",
  "/api/review/[token]/visit",
];

/** Each route and method of ROUTES as one row: `[ "GET /api/jobs", load, "GET" ]`. */
export const ROUTE_METHODS = ROUTES.flatMap(([route, load, methods]) => methods.map((m) => [`${m} ${route}`, load, m] as const));

/** Calls a route's handler with an empty JSON body (for methods with one) and unknown ids. */
export async function callRoute(mod: Record<string, unknown>, method: string, headers: Record<string, string> = {}) {
  const handler = mod[method] as Handler;
  const body = ["GET", "HEAD", "DELETE"].includes(method) ? undefined : JSON.stringify({});
  const request = new Request("http://keyframe.test/x", { method, body, headers: { "content-type": "application/json", ...headers } });
  return handler(request, { params: Promise.resolve(params) });
}
