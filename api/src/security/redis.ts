import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/**
 * The shared store for rate-limit counters. Commands fail fast instead of queueing while Redis is
 * away, so a Redis outage answers requests with an error rather than hanging them.
 */
export function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000, lazyConnect: false });
  redis.on('error', (error) => logger.warn({ err: error }, 'redis connection problem'));
  return redis;
}
