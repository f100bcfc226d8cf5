import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentUser } from "@/lib/auth/session";
import { hasUsers } from "@/lib/auth/setup";

export const metadata: Metadata = { title: "Sign in · Keyframe" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (!(await hasUsers())) redirect("/setup");
  if (await currentUser(await headers())) redirect("/");
  return (
    <AuthCard
      title="Sign in"
      intro={
        typeof next === "string" && next.startsWith("/?remix=")
          ? "Remixing opens this video's settings in Keyframe, which needs an account on this server. Sign in, or ask your team's admin for an account."
          : "Your team shares one WaveSpeed account here. Ask an admin for an account."
      }
    >
      <SignInForm next={typeof next === "string" ? next : "/"} />
    </AuthCard>
  );
}
