import { Fragment } from "react";

/** "Ada, Grace": each name isolated (<bdi>), so one name's direction cannot reorder the others. */
export function IsolatedNames({ names }: { names: string[] }) {
  return names.map((name, i) => (
    <Fragment key={`${i}-${name}`}>
      {i ? ", " : ""}
      <bdi>{name}</bdi>
    </Fragment>
  ));
}
