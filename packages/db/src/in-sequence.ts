type Queries = readonly (() => PromiseLike<unknown>)[];
type Results<T extends Queries> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Runs queries one after another and gives their results as `Promise.all` would. A function that takes
 * a `Db` may be handed a transaction, whose one connection takes one query at a time: node-postgres
 * queues concurrent ones with a warning that its next major version refuses them.
 */
export async function inSequence<const T extends Queries>(queries: T): Promise<Results<T>> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  // the loop keeps the order of `queries`, so each result has the type its position says
  return results as Results<T>;
}
