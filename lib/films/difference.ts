const shotList = (numbers: number[]) => {
  const shown = numbers.slice(0, 5).map(String);
  const more = numbers.length - shown.length;
  if (more > 0) return `${shown.join(", ")} and ${more} more`;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
};

const shots = (n: number) => `${n} shot${n === 1 ? "" : "s"}`;

/**
 * What changed on the board since a film was exported from it, in a sentence; null while the film still
 * matches it (the same takes picked, in the same order).
 */
export function filmDifference(filmTakes: string[], boardPicks: string[]): string | null {
  if (filmTakes.length === boardPicks.length && filmTakes.every((id, i) => id === boardPicks[i])) return null;
  if (boardPicks.length === 0) return "The board has no shots now.";
  if (filmTakes.length !== boardPicks.length) return `The board has ${shots(boardPicks.length)} now; this film has ${filmTakes.length}.`;
  const sorted = (ids: string[]) => [...ids].sort().join();
  if (sorted(filmTakes) === sorted(boardPicks)) return "The shots were reordered since.";
  const changed = boardPicks.flatMap((id, i) => (id === filmTakes[i] ? [] : [i + 1]));
  return changed.length === 1 ? `Shot ${changed[0]} has another pick now.` : `Shots ${shotList(changed)} have other picks now.`;
}
