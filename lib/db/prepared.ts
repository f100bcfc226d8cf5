import "server-only";
import type { Backend } from "./backend";

/**
 * A query drizzle builds once per database (`.prepare()`, values as `sql.placeholder`) and then only runs:
 * for the queries every request makes, where building the SQL again cost about as much as running it.
 */
export function preparedPerDatabase<Q>(build: (backend: Backend) => Q): (backend: Backend) => Q {
  const built = new WeakMap<Backend, Q>();
  return (backend) => {
    let query = built.get(backend);
    if (!query) built.set(backend, (query = build(backend)));
    return query;
  };
}
