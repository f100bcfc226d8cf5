/**
 * WaveSpeed's errors in plain words. The words come from WaveSpeed's numeric codes only (a failed task's
 * `code`, an error body's `error_code`): 1200 moderation, 1400/1401 parameters, 1402 media access,
 * 1403/1405 task failed, 5000/5003/5004 internal, unavailable, timeout. Digits inside the text are never
 * read as a code (a seed or a URL may hold any number). The original text follows in parentheses.
 */
function whichImage(raw: string): string {
  if (/\blast_image\b|\bend image\b/i.test(raw)) return "the end image";
  if (/\bimage\b/i.test(raw)) return "the start image";
  return "an input image";
}

export function codeWords(code: number | null | undefined, raw: string): string | null {
  switch (code) {
    case 1200:
      return "WaveSpeed's content moderation refused this request";
    case 1400:
    case 1401:
      return "WaveSpeed refused a parameter of this request";
    case 1402:
      return `WaveSpeed could not fetch ${whichImage(raw)} from its URL`;
    case 1403:
    case 1405:
      return "WaveSpeed could not generate this video";
    case 5000:
      return "WaveSpeed had an internal error";
    case 5003:
      return "WaveSpeed was unavailable";
    case 5004:
      return "WaveSpeed ran out of time for this video";
    default:
      return null;
  }
}

const withText = (words: string, raw: string) => {
  const text = raw.trim().replace(/\.$/, "");
  return text ? `${words} (${text}).` : `${words}.`;
};

/** A failure's text in plain words when its code is known; without a code, the text as it is. */
export function describeTaskError(raw: string, code?: number | null): string {
  const words = codeWords(code, raw);
  return words ? withText(words, raw) : raw;
}

/** What a card says about a task that ended without a video: cancelled, timeout and deleted say so themselves. */
export function finalTaskError(status: string, raw: string | null | undefined, code?: number | null): string | null {
  const text = raw ?? "";
  switch (status) {
    case "cancelled":
      return withText("WaveSpeed cancelled this task", text);
    case "timeout":
      return withText("WaveSpeed timed out on this task", text);
    case "deleted":
      return withText("WaveSpeed deleted this task", text);
    default:
      return text || code ? describeTaskError(text, code) || `WaveSpeed reported error code ${code}.` : null;
  }
}
