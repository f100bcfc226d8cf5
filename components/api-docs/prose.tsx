/** Text from the document, its `backticked` words set as code. */
export function Prose({ text }: { text: string }) {
  return text.split(/`([^`]+)`/).map((part, i) =>
    i % 2 ? (
      <code key={i} className="font-mono text-[0.9em] break-words">
        {part}
      </code>
    ) : (
      part
    ),
  );
}
