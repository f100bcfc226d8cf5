/**
 * The Content-Security-Policy of every page. Scripts run only with this request's nonce (Next puts it on
 * its own scripts when it renders the page) or when loaded by one that has it ('strict-dynamic').
 * Images and media may come from any http(s) origin: the form previews image URLs members type, and a
 * take plays from WaveSpeed's CDN until Keyframe has its own copy. Styles stay inline-capable for
 * React's style attributes.
 */
export function contentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  const directives = [
    "default-src 'self'",
    // React's development build evaluates code for its error overlays and refresh; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data: http: https:",
    "media-src 'self' blob: http: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** 128 random bits, base64: unguessable, and fresh for every request. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
