"use client";

import type { KeyboardEvent } from "react";

export type PlayerMoves = {
  toggle: () => void;
  step: (frames: number) => void;
  seekBy: (ms: number) => void;
  comment: () => void;
  draw: () => void;
  markIn: () => void;
  markOut: () => void;
};

/** The keys, as review tools have them; shown to the user in the player's help. */
export const SHORTCUTS: [keys: string, what: string][] = [
  ["Space / K", "play or pause"],
  [", / ←", "back one frame"],
  [". / →", "forward one frame"],
  ["J / L", "back / forward one second"],
  ["C", "comment at this frame"],
  ["D", "draw on the frame"],
  ["I / O", "mark the start / end of a range"],
  ["⌘/Ctrl + Enter", "send the comment"],
];

const typing = (el: EventTarget) =>
  el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !["range", "radio", "checkbox", "button"].includes(el.type));

/** The player's keys; a key it uses goes no further (a dialog around it does not also act on it). */
export function playerKeyDown(moves: PlayerMoves) {
  return (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    const onButton = e.target instanceof HTMLButtonElement || (e.target instanceof HTMLInputElement && e.target.type !== "range");
    const acts: Record<string, () => void> = {
      k: moves.toggle,
      ",": () => moves.step(-1),
      ".": () => moves.step(1),
      arrowleft: () => moves.step(-1),
      arrowright: () => moves.step(1),
      j: () => moves.seekBy(-1000),
      l: () => moves.seekBy(1000),
      c: moves.comment,
      d: moves.draw,
      i: moves.markIn,
      o: moves.markOut,
    };
    // Space on a button presses it; elsewhere it plays.
    if (e.key === " " && !onButton) acts[" "] = moves.toggle;
    // A radio group's arrows choose within it.
    if (e.target instanceof HTMLInputElement && e.target.type === "radio") {
      delete acts.arrowleft;
      delete acts.arrowright;
    }
    const act = acts[e.key.toLowerCase()];
    if (!act) return;
    e.preventDefault();
    e.stopPropagation();
    act();
  };
}
