/**
 * Characters that change how text reads without showing themselves. Names and comments are short plain text
 * that others read: there a direction control, or a name made of nothing visible, is a way to mislead.
 */

/** Unicode's Bidi_Control: ALM, LRM, RLM, the embeddings and overrides (LRE RLE PDF LRO RLO) and the isolates (LRI RLI FSI PDI). */
export const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/**
 * The ones that reorder a whole run of text. The marks (ALM, LRM, RLM) only settle which way a neighbouring
 * digit or stop goes, which Arabic and Hebrew writers need in mixed text: a prompt may hold those.
 */
export const BIDI_EMBEDDING = /[\u202A-\u202E\u2066-\u2069]/;

// Format characters (Cf) and the rest of Unicode's default-ignorables (fillers, variation selectors): nothing to see.
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
// Stripped from what is stored: format characters but ZWNJ and ZWJ, which part or join letters in Persian and
// Indic words and build emoji (variation selectors are not Cf and stay too).
const STRIPPED = /(?![\u200C\u200D])\p{Cf}/gu;

/** The code point as people look it up: U+202E. */
export const codePoint = (char: string | undefined) => `U+${(char?.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

/** True when nothing would show: only spaces and invisible characters. */
export const isBlank = (text: string) => text.replace(INVISIBLE, "").trim() === "";

/** The text without format characters (zero-width spaces, word joiners, tags…), or "" when nothing visible is left. */
export const withoutFormatCharacters = (text: string) => (isBlank(text) ? "" : text.replace(STRIPPED, ""));

/**
 * What two names that look alike share: compatibility-normalised (NFKC: "ｆｕｌｌ" is "full"), nothing invisible,
 * one space between words (a page shows several as one).
 */
export const lookAlikeKey = (text: string) => text.normalize("NFKC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
