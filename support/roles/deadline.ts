/**
 * One deadline for a promise: whichever comes first, the promise settling or `ms` passing. The timer never outlives
 * the race, so a bounded teardown step keeps nothing alive (issue 16).
 */
export type DeadlineEnd<T> = { readonly ended: 'done'; readonly value: T } | { readonly ended: 'timeout' };

/** The promise's value, or `timeout` after `ms`; a rejection rejects. */
export async function withinDeadline<T>(ms: number, promise: Promise<T>): Promise<DeadlineEnd<T>> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise.then((value): DeadlineEnd<T> => ({ ended: 'done', value })),
      new Promise<DeadlineEnd<T>>((resolve) => {
        timer = setTimeout(() => resolve({ ended: 'timeout' }), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
