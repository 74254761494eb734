/**
 * The seed of a property-based test: PROPERTY_SEED when given (to replay a run), otherwise a fresh
 * one. Printed either way, so any run — a red CI run included — can be replayed exactly.
 */
export function propertySeed(name: string): number {
  const given = process.env.PROPERTY_SEED;
  const seed = given !== undefined && given !== '' ? Number(given) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isSafeInteger(seed)) throw new Error(`PROPERTY_SEED must be an integer, got ${given}`);
  console.log(`${name}: seed ${seed} (replay with PROPERTY_SEED=${seed})`);
  return seed;
}
