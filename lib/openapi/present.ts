import "server-only";
import fs from "node:fs";
import path from "node:path";

/** `/api/tokens/{id}` → `app/api/tokens/[id]`: where Next keeps the route that answers it. */
export const routeFolder = (apiPath: string) => `app${apiPath.replace(/\{([^}]+)\}/g, "[$1]")}`;

/**
 * Whether this checkout or build has the route for `apiPath`: its source (dev, tests) or its compiled handler
 * (a build, standalone included). Routes still being built keep their documentation out until they land.
 */
export function routeExists(apiPath: string): boolean {
  const root = /*turbopackIgnore: true*/ process.cwd();
  const folder = routeFolder(apiPath);
  return (
    fs.existsSync(path.join(/*turbopackIgnore: true*/ root, folder, "route.ts")) ||
    fs.existsSync(path.join(/*turbopackIgnore: true*/ root, ".next", "server", folder, "route.js"))
  );
}
