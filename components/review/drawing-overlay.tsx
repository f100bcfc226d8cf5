"use client";

import { useEffect, useRef, useState, type PointerEvent } from "react";
import type { DrawingShape } from "@/lib/db/enums";
import { DRAWING_MAX_POINTS } from "@/lib/validations/comments";

export type Tool = DrawingShape["kind"];

const round = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 10_000) / 10_000;

/** One shape in pixels of a box `w`×`h`: its points are fractions of the picture, so it fits any size. */
function Shape({ shape, w, h }: { shape: DrawingShape; w: number; h: number }) {
  const pts = shape.points.map(([x, y]) => [x * w, y * h] as const);
  const common = { stroke: shape.color, strokeWidth: 3, fill: "none", strokeLinecap: "round", strokeLinejoin: "round" } as const;
  const [a, b] = [pts[0]!, pts.at(-1)!];
  if (shape.kind === "pen") return <polyline points={pts.map((p) => p.join(",")).join(" ")} {...common} />;
  if (shape.kind === "rect") {
    return (
      <rect x={Math.min(a[0], b[0])} y={Math.min(a[1], b[1])} width={Math.abs(b[0] - a[0])} height={Math.abs(b[1] - a[1])} {...common} />
    );
  }
  const angle = Math.atan2(b[1] - a[1], b[0] - a[0]);
  const head = (turn: number) => `${b[0] - 14 * Math.cos(angle + turn)},${b[1] - 14 * Math.sin(angle + turn)}`;
  return (
    <g>
      <line x1={a[0]} y1={a[1]} x2={b[0]} y2={b[1]} {...common} />
      <polyline points={`${head(0.5)} ${b.join(",")} ${head(-0.5)}`} {...common} />
    </g>
  );
}

/**
 * Shapes over the picture (the box the video fills exactly), and, while `drawing`, a pen, arrow or
 * rectangle under the pointer that becomes a new shape on release.
 */
export function DrawingOverlay({
  shapes,
  drawing,
  tool,
  color,
  onShape,
  label,
}: {
  shapes: DrawingShape[];
  drawing: boolean;
  tool: Tool;
  color: string;
  onShape: (shape: DrawingShape) => void;
  label: string;
}) {
  const box = useRef<SVGSVGElement>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  const [live, setLive] = useState<DrawingShape | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => entry && setSize({ w: entry.contentRect.width, h: entry.contentRect.height }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const at = (e: PointerEvent<SVGSVGElement>): [number, number] => {
    const r = e.currentTarget.getBoundingClientRect();
    return [round((e.clientX - r.left) / r.width), round((e.clientY - r.top) / r.height)];
  };
  const down = (e: PointerEvent<SVGSVGElement>) => {
    if (!drawing) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = at(e);
    setLive({ kind: tool, color, points: [p, p] });
  };
  const move = (e: PointerEvent<SVGSVGElement>) => {
    if (!live) return;
    const p = at(e);
    if (live.kind !== "pen") return setLive({ ...live, points: [live.points[0]!, p] });
    const last = live.points.at(-1)!;
    if (live.points.length < DRAWING_MAX_POINTS && Math.hypot(p[0] - last[0], p[1] - last[1]) > 0.004) {
      setLive({ ...live, points: [...live.points, p] });
    }
  };
  const up = () => {
    if (!live) return;
    const [a, b] = [live.points[0]!, live.points.at(-1)!];
    if (live.points.length > 2 || Math.hypot(b[0] - a[0], b[1] - a[1]) > 0.01) onShape(live);
    setLive(null);
  };
  const all = live ? [...shapes, live] : shapes;
  return (
    <svg
      ref={box}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size.w || 1} ${size.h || 1}`}
      className={`absolute inset-0 h-full w-full touch-none ${drawing ? "cursor-crosshair" : "pointer-events-none"}`}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={() => setLive(null)}
      data-testid="drawing-overlay"
      data-shapes={all.length}
    >
      {all.map((shape, i) => (
        <Shape key={i} shape={shape} w={size.w} h={size.h} />
      ))}
    </svg>
  );
}
