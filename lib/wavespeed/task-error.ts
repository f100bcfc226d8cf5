/**
 * WaveSpeed's failed-task text in plain words. Its error codes (1200 moderation, 1400/1401 parameters,
 * 1402 media access, 1403/1405 task failed, 5000/5003/5004 internal, unavailable, timeout) stay inside this
 * module; the original text follows in parentheses, so nothing is lost.
 */
const CODE = /\b(1200|1400|1401|1402|1403|1405|5000|5003|5004)\b/;

function whichImage(raw: string): string {
  if (/\blast_image\b|\bend image\b/i.test(raw)) return "the end image";
  if (/\bimage\b/i.test(raw)) return "the start image";
  return "an input image";
}

function plainWords(code: string | undefined, raw: string): string | null {
  if (code === "1402" || /media access/i.test(raw)) return `WaveSpeed could not fetch ${whichImage(raw)} from its URL`;
  switch (code) {
    case "1200":
      return "WaveSpeed's content moderation refused this request";
    case "1400":
    case "1401":
      return "WaveSpeed refused a parameter of this request";
    case "1403":
    case "1405":
      return "WaveSpeed could not generate this video";
    case "5000":
      return "WaveSpeed had an internal error";
    case "5003":
      return "WaveSpeed was unavailable";
    case "5004":
      return "WaveSpeed ran out of time for this video";
    default:
      return null;
  }
}

export function describeTaskError(raw: string): string {
  const words = plainWords(CODE.exec(raw)?.[1], raw);
  return words ? `${words} (${raw.trim().replace(/\.$/, "")}).` : raw;
}
