/**
 * API throughput with the rate limiters on ÷ off, in the same run, while under the limits
 * (target ≥ 0.9). Two identical servers; the limited one counts every request against the
 * per-address budget and every download ticket against the per-user one — in Redis when
 * REDIS_URL is set, as in production, otherwise in memory.
 *
 *   npm run bench:rate-limiter            (memory)
 *   REDIS_URL=redis://127.0.0.1:6379 npm run bench:rate-limiter
 */
import { LoadClient, makeCast, median, printTable, run, startBenchServer, type BenchServer } from './support.js';

const ROUNDS = 3;
const REQUESTS = 1500;
const CONCURRENCY = 8;
const QUERY = '{ me { id name } studio { name } jobs(first: 10) { totalCount nodes { id title includedCount downloadableCount } } }';

run(async () => {
  const redis = process.env.REDIS_URL;
  const limited = await startBenchServer({ env: { RATE_LIMITS_ENABLED: 'true', ...(redis ? { REDIS_URL: redis, RATE_LIMIT_KEY_PREFIX: `bench-${process.pid}` } : {}) } });
  const unlimited = await startBenchServer({ env: { RATE_LIMITS_ENABLED: 'false' } });
  const client = new LoadClient();
  const target = async (bench: BenchServer) => {
    const cast = await makeCast(bench);
    return {
      url: `${bench.server.url}/graphql`,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cast.token}` },
      body: JSON.stringify({ query: QUERY }),
      concurrency: CONCURRENCY,
    };
  };
  const on = await target(limited);
  const off = await target(unlimited);
  // Warm-up: JIT, connection pools, prepared plans.
  await client.load({ ...on, requests: 300 });
  await client.load({ ...off, requests: 300 });

  const ratios: number[] = [];
  const onRates: number[] = [];
  const offRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so a drifting machine does not favour one side.
    const first = round % 2 === 0 ? on : off;
    const second = round % 2 === 0 ? off : on;
    const a = await client.load({ ...first, requests: REQUESTS });
    const b = await client.load({ ...second, requests: REQUESTS });
    const [limitedResult, unlimitedResult] = round % 2 === 0 ? [a, b] : [b, a];
    for (const result of [limitedResult, unlimitedResult]) if (result.failed > 0) throw new Error(`requests failed: ${result.firstProblem}`);
    onRates.push(limitedResult.requestsPerSecond);
    offRates.push(unlimitedResult.requestsPerSecond);
    ratios.push(limitedResult.requestsPerSecond / unlimitedResult.requestsPerSecond);
    console.log(`round ${round + 1}: limits on ${limitedResult.requestsPerSecond.toFixed(0)} req/s, off ${unlimitedResult.requestsPerSecond.toFixed(0)} req/s, ratio ${ratios.at(-1)!.toFixed(3)}`);
  }
  printTable(`rate limiters on ÷ off (${redis ? 'Redis' : 'memory'} store, ${CONCURRENCY} concurrent, ${REQUESTS} requests × ${ROUNDS} rounds, medians)`, [
    { name: 'throughput, limits on', value: median(onRates), unit: 'req/s', digits: 0 },
    { name: 'throughput, limits off', value: median(offRates), unit: 'req/s', digits: 0 },
    { name: 'ratio on ÷ off', value: median(ratios), unit: '', target: { op: '>=', value: 0.9 }, digits: 3 },
  ], { store: redis ? 'redis' : 'memory', concurrency: CONCURRENCY, requests: REQUESTS, rounds: ROUNDS });
  await client.close();
});
