"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";

/**
 * The open take lives in the URL (`/?take=<id>`), so a reload or a link sent to a teammate opens it;
 * it changes through the History API, without a reload or a server round trip.
 */
export function useTakeParam(): [string | null, (id: string, replace?: boolean) => void, () => void] {
  const params = useSearchParams();
  const take = params.get("take");
  const pushed = useRef(false);
  // Closed by the Back button: the next open adds a history entry again.
  useEffect(() => {
    if (!take) pushed.current = false;
  }, [take]);

  const open = useCallback((id: string, replace = false) => {
    const url = `${window.location.pathname}?take=${encodeURIComponent(id)}`;
    if (replace || pushed.current) window.history.replaceState(null, "", url);
    else {
      window.history.pushState(null, "", url);
      pushed.current = true;
    }
  }, []);

  const close = useCallback(() => {
    if (pushed.current) {
      pushed.current = false;
      window.history.back();
    } else window.history.replaceState(null, "", window.location.pathname);
  }, []);

  return [take, open, close];
}
