/**
 * "Did you mean ...?" for a word that names nothing: the closest candidate by edit distance.
 */
import { closest, distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `word`, if it is near enough to be the intended one.
 * @param maxDistance largest edit distance accepted, or a function of the guess giving it
 * @returns undefined when there are no candidates or the closest is too far
 */
export function closeMatch(word: string, candidates: readonly string[], maxDistance: number | ((guess: string) => number) = 3): string | undefined {
  if (candidates.length === 0) return undefined;
  const guess = closest(word, candidates as string[]);
  const max = typeof maxDistance === 'number' ? maxDistance : maxDistance(guess);
  return distance(word, guess) <= max ? guess : undefined;
}
