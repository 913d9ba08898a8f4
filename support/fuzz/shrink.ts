/**
 * Minimizing a finding's input sequence (issue 14, "minimized"): the shortest tail that still reproduces is tried
 * first (most findings follow from the last frame or the last few), then delta debugging (Zeller's ddmin) removes
 * chunks and keeps any subsequence that still reproduces. Every try is a replay against the SUT, so the number of
 * tries is bounded.
 */
export async function shrink<T>(items: readonly T[], reproduces: (candidate: readonly T[]) => Promise<boolean>, maxTries = 40): Promise<{ items: T[]; tries: number }> {
  let tries = 0;
  const test = async (c: readonly T[]): Promise<boolean> => {
    tries += 1;
    return reproduces(c);
  };
  let current = [...items];
  for (let tail = 1; tail < current.length && tries < maxTries; tail *= 2) {
    const candidate = current.slice(-tail);
    if (await test(candidate)) {
      current = candidate;
      break;
    }
  }
  let n = 2;
  while (current.length >= 2 && tries < maxTries) {
    const size = Math.ceil(current.length / n);
    const chunks: T[][] = [];
    for (let i = 0; i < current.length; i += size) chunks.push(current.slice(i, i + size));
    let reduced = false;
    for (const chunk of chunks) {
      if (tries >= maxTries) break;
      if (chunk.length < current.length && (await test(chunk))) {
        current = chunk;
        n = 2;
        reduced = true;
        break;
      }
    }
    if (!reduced && chunks.length > 2) {
      for (let i = 0; i < chunks.length && tries < maxTries; i += 1) {
        const complement = chunks.filter((_, j) => j !== i).flat();
        if (await test(complement)) {
          current = complement;
          n = Math.max(n - 1, 2);
          reduced = true;
          break;
        }
      }
    }
    if (!reduced) {
      if (n >= current.length) break;
      n = Math.min(current.length, n * 2);
    }
  }
  return { items: current, tries };
}
