"use client";

import { useRouter } from "next/navigation";
import { safeNextPath } from "@/lib/http/next-path";
import { signInSchema, setupSchema } from "@/lib/validations/account";
import { AccountForm } from "./account-form";

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  return (
    <AccountForm
      schema={signInSchema}
      action="/api/session"
      submitLabel="Sign in"
      onDone={() => {
        router.replace(safeNextPath(next, window.location.origin));
        router.refresh();
      }}
      fields={[
        { name: "email", label: "Email", type: "email", autoComplete: "username" },
        { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
      ]}
    />
  );
}

export function SetupForm() {
  const router = useRouter();
  return (
    <AccountForm
      schema={setupSchema}
      action="/api/setup"
      submitLabel="Create the admin account"
      onDone={() => {
        router.replace("/");
        router.refresh();
      }}
      fields={[
        {
          name: "code",
          label: "Setup code",
          type: "text",
          autoComplete: "off",
          hint: "Printed in the server log at start-up, and saved in DATA_DIR/setup-code.",
        },
        { name: "name", label: "Your name", type: "text", autoComplete: "name" },
        { name: "email", label: "Email", type: "email", autoComplete: "username" },
        { name: "password", label: "Password", type: "password", autoComplete: "new-password", hint: "At least 10 characters." },
      ]}
    />
  );
}
