import { health } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const status = await health();
  return Response.json(status, { status: status.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
