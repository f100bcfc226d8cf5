import { z } from "zod";
import { BIDI_CONTROL, withoutFormatCharacters } from "./invisible";

export const PASSWORD_MIN = 10;

const email = z.email("Enter a valid email address.").trim().toLowerCase().max(254);
const password = z.string().min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`).max(256, "Use at most 256 characters.");
// The team sees members' names beside their takes and presets: nothing invisible, nothing that turns text around.
const name = z
  .string()
  .refine((text) => !BIDI_CONTROL.test(text), "Remove the text direction control: it can make a name read differently from what it says.")
  .overwrite(withoutFormatCharacters)
  .trim()
  .min(1, "Enter a name.")
  .max(80, "Use at most 80 characters.");

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email.").max(254),
  password: z.string().min(1, "Enter your password.").max(256),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** The first-run form and POST /api/setup. */
export const setupSchema = z.object({ code: z.string().trim().min(1, "Enter the setup code."), name, email, password });
export type SetupInput = z.infer<typeof setupSchema>;

/** An admin adding a member (or another admin). */
export const newMemberSchema = z.object({ name, email, password, role: z.enum(["admin", "member"]) });
export type NewMemberInput = z.infer<typeof newMemberSchema>;

export const memberUpdateSchema = z.object({
  password: password.optional(),
  role: z.enum(["admin", "member"]).optional(),
  disabled: z.boolean().optional(),
});
export type MemberUpdate = z.infer<typeof memberUpdateSchema>;
