// backend-free: pure functions, no database or object store
import { describe, expect, test } from "vitest";
import { plainText } from "./plain-text";

const name = plainText("The name", 40);
const comment = plainText("The comment", 500, { required: false, multiline: true });
const message = (schema: typeof name, input: string) => schema.safeParse(input).error?.issues[0]?.message;

describe("plain text", () => {
  test.each(["\u061C", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"])(
    "refuses the direction control %j, naming it",
    (control) => {
      const hex = control.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
      expect(message(name, `Zed${control}`)).toBe(
        `The name contains a text direction control (U+${hex}), which can make it read differently from what it says; remove it.`,
      );
    },
  );

  test("a name of nothing visible is empty; zero-width characters inside a name are dropped, joiners kept", () => {
    for (const blank of ["\u200B\u2060", "\uFEFF", " \u00AD ", "\u3164", "\u200D\u200C", "\u{E0041}"]) {
      expect(message(name, blank)).toBe("The name is empty.");
    }
    expect(name.parse("Gol\u200Bden\u2060 hour\uFEFF")).toBe("Golden hour");
    // ZWNJ parts letters in Persian words; ZWJ builds emoji.
    expect(name.parse("می\u200Cخواهم")).toBe("می\u200Cخواهم");
    expect(name.parse("👩\u200D💻 Ada")).toBe("👩\u200D💻 Ada");
    expect(comment.parse("\u200B")).toBe("");
    expect(comment.safeParse("pay \u202E0001$\u202C now").error?.issues[0]?.message).toBe(
      "The comment contains a text direction control (U+202E), which can make it read differently from what it says; remove it.",
    );
    // Right-to-left text needs no controls: it is shown isolated.
    expect(comment.parse("שלום, take 2")).toBe("שלום, take 2");
  });
});
