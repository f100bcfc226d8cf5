import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FieldList } from "@/components/api-docs/field-list";
import { OperationCard } from "@/components/api-docs/operation-card";
import { ReferenceShell } from "@/components/api-docs/reference-shell";
import { referencePage } from "@/lib/openapi/reference-page";
import { Prose } from "@/components/api-docs/prose";

type Props = { params: Promise<{ section: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section } = await params;
  return { title: `${section === "schemas" ? "Schemas" : section.charAt(0).toUpperCase() + section.slice(1)} · API reference · Keyframe` };
}

/** One tag's operations in full, or every named schema. */
export default async function ApiSectionPage({ params }: Props) {
  const { section } = await params;
  const page = await referencePage();
  if (section === "schemas") {
    return (
      <ReferenceShell page={page} current="schemas">
        <h1 className="text-2xl font-semibold tracking-tight">Schemas</h1>
        {page.schemas.map((s) => (
          <section key={s.name} id={`schema-${s.name}`} aria-labelledby={`heading-${s.name}`} className="scroll-mt-4 space-y-2">
            <h2 id={`heading-${s.name}`} className="font-mono text-base font-semibold">
              {s.name}
            </h2>
            {s.description ? (
              <p className="text-sm text-zinc-700 dark:text-zinc-300">
                <Prose text={s.description} />
              </p>
            ) : null}
            <FieldList rows={s.fields} />
          </section>
        ))}
      </ReferenceShell>
    );
  }
  const tag = page.tags.find((t) => t.slug === section);
  if (!tag) notFound();
  return (
    <ReferenceShell page={page} current={tag.slug}>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{tag.name}</h1>
        {tag.description ? <p className="text-sm text-zinc-700 dark:text-zinc-300">{tag.description}</p> : null}
      </div>
      {tag.operations.map((op) => (
        <OperationCard key={op.id} op={op} />
      ))}
    </ReferenceShell>
  );
}
