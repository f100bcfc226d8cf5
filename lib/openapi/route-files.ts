import fs from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["get", "post", "put", "patch", "delete", "head", "options"] as const;

/**
 * Every `app/api/**\/route.ts` as `{ method, path }` pairs, read from what each file exports (`export async
 * function GET`, `export const POST`, `export { x as PUT }`); `[id]` folders become `{id}`.
 */
export function apiRoutes(root: string): { method: string; path: string }[] {
  const found: { method: string; path: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        const apiPath =
          "/" +
          path
            .relative(path.join(root, "app"), dir)
            .split(path.sep)
            .join("/")
            .replace(/\[([^\]]+)\]/g, "{$1}");
        const exported = new Set<string>();
        for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g)) exported.add(m[1]!);
        for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
          for (const part of m[1]!.split(","))
            exported.add(
              part
                .trim()
                .split(/\s+as\s+/)
                .pop()!,
            );
        }
        for (const method of HTTP_METHODS) if (exported.has(method.toUpperCase())) found.push({ method, path: apiPath });
      }
    }
  };
  walk(path.join(root, "app", "api"));
  return found;
}
