// What chat apps and mail clients glue to the end of a link: closing brackets, stops, quotes, spaces,
// zero-width spaces. None of them can end one of our ids.
const GLUED = /^[\p{P}\p{S}\p{Z}\p{Cf}\s]+$/u;
const SHARED_PAGE = /^\/(r|v|f)\/([A-Za-z0-9_-]+)([^/]+)$/;

/**
 * The clean path of a review, share or film link with characters glued to its end (`/r/<token>).` →
 * `/r/<token>`), or null when the path is not one.
 */
export function unglued(pathname: string): string | null {
  const [, kind, id, rest] = SHARED_PAGE.exec(pathname) ?? [];
  if (!rest) return null;
  let tail: string;
  try {
    tail = decodeURIComponent(rest);
  } catch {
    return null;
  }
  return GLUED.test(tail) ? `/${kind}/${id}` : null;
}
