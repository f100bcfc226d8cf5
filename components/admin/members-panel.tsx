"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import { ApiError, send } from "@/lib/http/fetcher";
import type { Member } from "@/lib/team/members";
import { newMemberSchema, type NewMemberInput } from "@/lib/validations/account";

function AddMember({ onAdded }: { onAdded: (m: Member) => void }) {
  const { register, handleSubmit, formState, reset, setError } = useForm<NewMemberInput>({
    resolver: zodResolver(newMemberSchema),
    defaultValues: { role: "member" },
  });
  const e = formState.errors;
  const add = handleSubmit(async (values) => {
    try {
      const member = await send<Member>("/api/admin/members", "POST", values);
      if (member) onAdded(member);
      reset({ name: "", email: "", password: "", role: "member" });
    } catch (err) {
      if (err instanceof ApiError) for (const [k, m] of Object.entries(err.fields)) setError(k as keyof NewMemberInput, { message: m });
      if (err instanceof ApiError && Object.keys(err.fields).length === 0) setError("email", { message: err.message });
    }
  });
  return (
    <form
      onSubmit={add}
      noValidate
      aria-labelledby="add-member-title"
      className="grid gap-3 rounded-xl border border-zinc-200 p-4 sm:grid-cols-2 dark:border-zinc-800"
    >
      <h3 id="add-member-title" className="text-sm font-semibold sm:col-span-2">
        Add a member
      </h3>
      <Field label="Name" htmlFor="member-name" error={e.name?.message}>
        <input id="member-name" className={inputClass} autoComplete="off" {...register("name")} />
      </Field>
      <Field label="Email" htmlFor="member-email" error={e.email?.message}>
        <input id="member-email" type="email" className={inputClass} autoComplete="off" {...register("email")} />
      </Field>
      <Field label="Password" htmlFor="member-password" hint="At least 10 characters; tell them privately." error={e.password?.message}>
        <input id="member-password" type="password" className={inputClass} autoComplete="new-password" {...register("password")} />
      </Field>
      <Field label="Role" htmlFor="member-role" error={e.role?.message}>
        <select id="member-role" className={inputClass} {...register("role")}>
          <option value="member">Member</option>
          <option value="admin">Admin</option>
        </select>
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
          Add member
        </Button>
      </div>
    </form>
  );
}

/** A new password for someone, typed here instead of in a browser prompt. */
function ResetPassword({ member, onSave }: { member: Member; onSave: (password: string) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  if (!open) {
    return (
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
        Reset password
      </Button>
    );
  }
  const id = `reset-${member.id}`;
  return (
    <form
      className="flex items-center gap-1"
      onSubmit={async (e) => {
        e.preventDefault();
        await onSave(password);
        setOpen(false);
        setPassword("");
      }}
    >
      <label htmlFor={id} className="text-xs">
        New password
      </label>
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        className="h-8 w-40 rounded-md border border-zinc-300 px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      />
      <Button size="sm" type="submit">
        Save
      </Button>
    </form>
  );
}

export function MembersPanel({ initial, me }: { initial: Member[]; me: string }) {
  const [members, setMembers] = useState(initial);
  const [status, setStatus] = useState("");

  const update = async (member: Member, change: Record<string, unknown>, done: string) => {
    try {
      const updated = await send<Member>(`/api/admin/members/${member.id}`, "PATCH", change);
      if (updated) setMembers((all) => all.map((m) => (m.id === updated.id ? updated : m)));
      setStatus(done);
    } catch (err) {
      setStatus(err instanceof Error ? err.message : "That did not work.");
    }
  };

  return (
    <section aria-labelledby="members-title" className="space-y-4">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="members-title" className="text-base font-semibold">
          Members
        </h2>
        <p role="status" aria-live="polite" className="text-sm text-zinc-700 dark:text-zinc-300">
          {status}
        </p>
      </div>
      <div className="relative overflow-x-auto" role="region" aria-label="Member list" tabIndex={0}>
        <table className="w-full min-w-[36rem] text-left text-sm">
          <thead className="text-zinc-700 dark:text-zinc-300">
            <tr>
              <th className="py-1.5 font-medium">Name</th>
              <th className="py-1.5 font-medium">Email</th>
              <th className="py-1.5 font-medium">Role</th>
              <th className="py-1.5 font-medium">Status</th>
              <th className="py-1.5 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id} className="border-t border-zinc-100 dark:border-zinc-800">
                <td className="py-2 pr-3">
                  <bdi>{m.name}</bdi>
                </td>
                <td className="py-2 pr-3">{m.email}</td>
                <td className="py-2 pr-3">{m.role === "admin" ? "Admin" : "Member"}</td>
                <td className="py-2 pr-3">{m.disabled ? "Disabled" : "Active"}</td>
                <td className="flex flex-wrap gap-1 py-2">
                  <ResetPassword
                    member={m}
                    onSave={(password) => update(m, { password }, `Password reset for ${m.email}; their sessions ended.`)}
                  />
                  {m.id !== me ? (
                    <>
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => void update(m, { role: m.role === "admin" ? "member" : "admin" }, "Role changed.")}
                      >
                        {m.role === "admin" ? "Make member" : "Make admin"}
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() =>
                          void update(m, { disabled: !m.disabled }, m.disabled ? "Enabled." : "Disabled; their sessions ended.")
                        }
                      >
                        {m.disabled ? "Enable" : "Disable"}
                      </Button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AddMember onAdded={(member) => setMembers((all) => [...all, member])} />
    </section>
  );
}
