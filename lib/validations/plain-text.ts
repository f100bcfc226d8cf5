import { z } from "zod";
import { BIDI_CONTROL, codePoint, withoutFormatCharacters } from "./invisible";

// C0 and C1 controls and DEL, but for tab and newline.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
// A tag, a comment or an entity: "a < b" and "<3" are fine, "<b>" and "&lt;" are markup.
const MARKUP = /<\/?[a-z!?][^>]*>|&(#\d+|#x[0-9a-f]+|[a-z]+);/i;

const bidiMessage = (label: string, input: unknown) =>
  `${label} contains a text direction control (${codePoint(typeof input === "string" ? BIDI_CONTROL.exec(input)?.[0] : undefined)}), which can make it read differently from what it says; remove it.`;

/**
 * Short plain text (names, comments): trimmed, no control characters (direction controls included) and no
 * markup, at most `max` characters. Zero-width and other format characters are dropped, so a name of
 * nothing visible is empty.
 */
export function plainText(label: string, max: number, { required = true, multiline = false } = {}) {
  return z
    .string({ error: `${label} must be text.` })
    .overwrite((text) => text.replace(/\r\n/g, "\n"))
    .refine((text) => !BIDI_CONTROL.test(text), { error: (issue) => bidiMessage(label, issue.input) })
    .overwrite(withoutFormatCharacters)
    .trim()
    .min(required ? 1 : 0, { error: `${label} is empty.` })
    .max(max, { error: (issue) => `${label} is too long: at most ${max} characters (this has ${String(issue.input).length}).` })
    .refine((text) => !CONTROL.test(text) && (multiline || !text.includes("\n")), {
      error: `${label} contains a control character or line break; remove it.`,
    })
    .refine((text) => !MARKUP.test(text), { error: `${label} is plain text: remove the markup (tags like <b> or entities like &amp;).` });
}

/** Keyframe's ids: 128 random bits, base64url. */
export const idSchema = (label: string) =>
  z.string({ error: `${label} is missing.` }).regex(/^[A-Za-z0-9_-]{22}$/, { error: `${label} is not a Keyframe id.` });
