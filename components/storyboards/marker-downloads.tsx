import { buttonClass } from "@/components/ui/button";

const FORMATS = [
  { format: "csv", label: "CSV", title: "Every comment and reply, one row each" },
  { format: "edl", label: "EDL (Resolve)", title: "Timeline markers for DaVinci Resolve: Timeline > Import > Timeline Markers from EDL" },
  { format: "fcpxml", label: "FCPXML", title: "The film with a marker per comment, for Final Cut Pro or Resolve" },
] as const;

/** The board's comments as files, timed to its latest finished film. */
export function MarkerDownloads({ boardId }: { boardId: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-zinc-700 dark:text-zinc-300">Comments as markers, timed to the latest film:</span>
      {FORMATS.map((f) => (
        <a
          key={f.format}
          href={`/api/storyboards/${boardId}/markers?format=${f.format}`}
          download
          title={f.title}
          className={buttonClass("secondary", "sm")}
        >
          {f.label}
        </a>
      ))}
    </div>
  );
}
