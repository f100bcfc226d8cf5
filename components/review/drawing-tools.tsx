"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { RadioTabs } from "@/components/ui/radio-tabs";
import { DRAWING_COLOR_NAMES, DRAWING_COLORS } from "@/lib/validations/comments";
import type { Tool } from "./drawing-overlay";

const TOOLS = [
  { value: "pen", label: "Pen" },
  { value: "arrow", label: "Arrow" },
  { value: "rect", label: "Box" },
] as const;

/** Draw on/off, the tool, the colour (from the fixed palette), undo and clear. */
export function DrawingTools({
  drawing,
  onDrawing,
  tool,
  onTool,
  color,
  onColor,
  count,
  onUndo,
  onClear,
}: {
  drawing: boolean;
  onDrawing: (on: boolean) => void;
  tool: Tool;
  onTool: (tool: Tool) => void;
  color: string;
  onColor: (color: string) => void;
  count: number;
  onUndo: () => void;
  onClear: () => void;
}) {
  const name = useId();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" variant={drawing ? "primary" : "secondary"} aria-pressed={drawing} onClick={() => onDrawing(!drawing)}>
        {drawing ? "Drawing on the frame" : "Draw on the frame"}
      </Button>
      {drawing ? (
        <>
          <RadioTabs label="Drawing tool" options={TOOLS} value={tool} onChange={onTool} />
          <div role="radiogroup" aria-label="Colour" className="flex items-center gap-1">
            {DRAWING_COLORS.map((c) => (
              <label key={c} title={DRAWING_COLOR_NAMES[c]} className="relative flex h-7 w-7 cursor-pointer items-center justify-center">
                <input
                  type="radio"
                  name={name}
                  checked={color === c}
                  onChange={() => onColor(c)}
                  aria-label={DRAWING_COLOR_NAMES[c]}
                  className="peer absolute inset-0 cursor-pointer appearance-none"
                />
                <span
                  style={{ backgroundColor: c }}
                  className="h-5 w-5 rounded-full border border-zinc-500 peer-checked:ring-2 peer-checked:ring-violet-600 peer-checked:ring-offset-2 peer-focus-visible:outline-2 peer-focus-visible:outline-violet-500 dark:ring-offset-zinc-900"
                />
              </label>
            ))}
          </div>
        </>
      ) : null}
      {count ? (
        <>
          <Button size="sm" variant="ghost" onClick={onUndo}>
            Undo shape
          </Button>
          <Button size="sm" variant="ghost" onClick={onClear}>
            Clear drawing ({count})
          </Button>
        </>
      ) : null}
    </div>
  );
}
