import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/sign-in-form";
import { hasUsers } from "@/lib/auth/setup";

export const metadata: Metadata = { title: "Set up Keyframe" };

export default async function SetupPage() {
  await connection();
  if (await hasUsers()) redirect("/sign-in");
  return (
    <AuthCard
      title="Create the admin account"
      intro="Nobody can generate (or spend your WaveSpeed credit) until this account exists. The setup code proves you run this server."
    >
      <SetupForm />
    </AuthCard>
  );
}
