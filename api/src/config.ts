import { z } from 'zod';
import { MODEL_IDS } from './shared/domain/model-catalogue.js';

const MINUTE = 60;
/** Rule 7: signed URLs and tickets never live longer than this. */
export const MAX_SIGNED_URL_TTL_SECONDS = 15 * MINUTE;

/** Where the providers' APIs are unless REPLICATE_BASE_URL or HUGGINGFACE_BASE_URL say otherwise. */
export const DEFAULT_REPLICATE_BASE_URL = 'https://api.replicate.com/v1';
export const DEFAULT_HUGGINGFACE_BASE_URL = 'https://router.huggingface.co/hf-inference/models';
/** What Replicate's webhook signing secret looks like: `whsec_` and base64. */
export const WEBHOOK_SECRET_PATTERN = /^whsec_[A-Za-z0-9+/]+={0,2}$/;

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const url = z.url({ message: 'must be an absolute URL such as http://localhost:4000' });

const DURATION_UNITS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
/** "5/10m" = 5 per 10 minutes. Strict on purpose: a typo must stop the start, never disable a limit. */
const rateLimit = z
  .string()
  .regex(/^\s*\d+\s*\/\s*\d+\s*[smhd]\s*$/, 'must look like 5/10m (count / duration with s, m, h or d)')
  .transform((value) => {
    const [, points, amount, unit] = /^\s*(\d+)\s*\/\s*(\d+)\s*([smhd])\s*$/.exec(value)!;
    return { points: Number(points), durationSeconds: Number(amount) * DURATION_UNITS[unit as keyof typeof DURATION_UNITS] };
  })
  .refine((limit) => limit.points > 0 && limit.durationSeconds > 0, 'needs a count and a duration above 0');

/**
 * An IANA zone name such as Europe/Berlin that this runtime knows. UTC offsets like "+01:00" are
 * refused: PostgreSQL reads a bare offset's sign the POSIX way, the opposite of ISO 8601.
 */
const ianaTimeZone = z
  .string()
  .trim()
  .refine((zone) => /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone) && isKnownTimeZone(zone), 'must be an IANA time zone such as Europe/Berlin');

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const list = (value: string) => value.split(',').map((item) => item.trim()).filter(Boolean);

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: port.default(4000),
    HOST: z.string().default('0.0.0.0'),
    PUBLIC_URL: url.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATA_DIR: z.string().default('.data'),
    GC_MODE: z.enum(['throughput', 'memory']).default('throughput'),

    DATABASE_URL: optionalString.pipe(url.optional()),
    EMBEDDED_PG_PORT: port.default(54329),

    S3_ENDPOINT: optionalString.pipe(url.optional()),
    S3_REGION: z.string().default('us-east-1'),
    S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid S3 bucket name').default('pixgate'),
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    S3_FORCE_PATH_STYLE: bool.default(true),

    JWT_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    ACCESS_TOKEN_TTL_SECONDS: positiveInt.max(3600, 'must be at most 3600 (access tokens are short-lived)').default(15 * MINUTE),
    REFRESH_TOKEN_TTL_HOURS: positiveInt.default(24),
    REMEMBER_ME_TTL_DAYS: positiveInt.max(90).default(7),
    SIGNED_URL_TTL_SECONDS: positiveInt
      .max(MAX_SIGNED_URL_TTL_SECONDS, `must be at most ${MAX_SIGNED_URL_TTL_SECONDS} (15 minutes, PRODUCT.md rule 7)`)
      .default(5 * MINUTE),
    UPLOAD_URL_TTL_SECONDS: positiveInt
      .max(MAX_SIGNED_URL_TTL_SECONDS, `must be at most ${MAX_SIGNED_URL_TTL_SECONDS} (15 minutes)`)
      .default(15 * MINUTE),
    MAX_UPLOAD_BYTES: positiveInt.default(50 * 1024 * 1024),
    MAX_IMAGE_PIXELS: positiveInt.default(100_000_000),
    MAX_ARCHIVE_BYTES: positiveInt.default(10 * 1024 ** 3),
    PENDING_UPLOAD_TTL_MINUTES: positiveInt.default(60),
    UPLOAD_SWEEP_INTERVAL_SECONDS: positiveInt.default(5 * MINUTE),

    ADMIN_EMAIL: optionalString.pipe(z.email({ message: 'must be an email address' }).optional()),
    ADMIN_PASSWORD: optionalString.pipe(z.string().min(10, 'must be at least 10 characters').optional()),
    SEED_DEMO_DATA: bool.optional(),
    REDIS_URL: optionalString.pipe(url.optional()),
    SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/, message: 'must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.com:587' }).optional()),
    MAIL_FROM: z.string().trim().min(3).default('pixgate <no-reply@localhost>'),

    REPLICATE_API_TOKEN: optionalString,
    REPLICATE_BASE_URL: url.default(DEFAULT_REPLICATE_BASE_URL),
    REPLICATE_WEBHOOK_SECRET: optionalString.pipe(z.string().regex(WEBHOOK_SECRET_PATTERN, "must look like whsec_<base64> (Replicate's webhook signing secret)").optional()),
    REPLICATE_POLL_INTERVAL_MS: positiveInt.min(100, 'must be at least 100').default(2000),
    HUGGINGFACE_API_TOKEN: optionalString,
    HUGGINGFACE_BASE_URL: url.default(DEFAULT_HUGGINGFACE_BASE_URL),
    PROVIDER_TIMEOUT_SECONDS: positiveInt.default(120),

    TRUSTED_PROXIES: z.string().default(''),
    CORS_ORIGINS: z.string().default(''),
    RATE_LIMITS_ENABLED: bool.default(true),
    RATE_LIMIT_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,40}$/, 'must be 1-40 letters, digits, colons, dashes or underscores').default('pixgate'),
    RATE_LIMIT_LOGIN_ACCOUNT_IP: rateLimit.prefault('5/10m'),
    RATE_LIMIT_LOGIN_IP: rateLimit.prefault('20/10m'),
    RATE_LIMIT_LOGIN_ACCOUNT: rateLimit.prefault('50/1h'),
    RATE_LIMIT_UPLOAD_IP: rateLimit.prefault('300/10m'),
    RATE_LIMIT_UPLOAD_USER: rateLimit.prefault('600/1h'),
    RATE_LIMIT_UPLOAD_STAFF_USER: rateLimit.prefault('6000/1h'),
    RATE_LIMIT_UPLOAD_MIB_USER: rateLimit.prefault('2048/1d'),
    RATE_LIMIT_UPLOAD_MIB_STAFF_USER: rateLimit.prefault('102400/1d'),
    RATE_LIMIT_DOWNLOAD_USER: rateLimit.prefault('300/10m'),
    RATE_LIMIT_ENHANCE_USER: rateLimit.prefault('15/1m'),
    RATE_LIMIT_GENERAL_IP: rateLimit.prefault('1200/1m'),
    RATE_LIMIT_MEDIA_VIEWER: rateLimit.prefault('3000/1m'),
    ENHANCEMENT_TIME_ZONE: ianaTimeZone.default('Europe/Berlin'),
    ENHANCEMENT_MODELS: z.string().default(''),
    ENHANCEMENT_WORKERS_IN_SERVER: bool.default(true),
    ENHANCEMENT_CONCURRENCY: positiveInt.max(32).default(2),
    ENHANCEMENT_MAX_ATTEMPTS: positiveInt.max(10).default(3),
    ENHANCEMENT_RETRY_DELAY_SECONDS: positiveInt.max(3600).default(10),
    ENHANCEMENT_HEARTBEAT_SECONDS: positiveInt.min(10, 'must be at least 10 (pg-boss heartbeats)').max(600).default(30),
    ENHANCEMENT_MONITOR_INTERVAL_SECONDS: positiveInt.max(600).default(30),
    ENHANCEMENT_PROGRESS_INTERVAL_SECONDS: positiveInt.max(60).default(5),
    ENHANCEMENT_TIMEOUT_MINUTES: positiveInt.max(24 * 60).default(30),
    RENDER_CONCURRENCY: positiveInt.max(32).default(2),
    RENDER_THREADS: positiveInt.max(64).default(1),
    RENDER_NICE: z.coerce.number().int().min(0).max(19).default(10),
    RENDER_MAX_ATTEMPTS: positiveInt.max(10).default(3),
    RENDER_RETRY_DELAY_SECONDS: positiveInt.max(600).default(5),
    RENDER_HEARTBEAT_SECONDS: positiveInt.min(10, 'must be at least 10 (pg-boss heartbeats)').max(600).default(30),
    RENDER_TIMEOUT_MINUTES: positiveInt.max(120).default(10),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required in production' });
    }
    if (env.NODE_ENV === 'production' && !env.SMTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is required in production (sign-in codes are sent by email; the outbox exists only outside production)' });
    }
    if (env.S3_ENDPOINT && !(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({ code: 'custom', path: ['S3_ACCESS_KEY_ID'], message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required with S3_ENDPOINT' });
    }
    if (env.PENDING_UPLOAD_TTL_MINUTES * 60 <= env.UPLOAD_URL_TTL_SECONDS) {
      ctx.addIssue({ code: 'custom', path: ['PENDING_UPLOAD_TTL_MINUTES'], message: 'must outlast UPLOAD_URL_TTL_SECONDS, or uploads in progress are swept' });
    }
    if (env.NODE_ENV === 'production') {
      const origins = list(env.CORS_ORIGINS);
      if (origins.length === 0) ctx.addIssue({ code: 'custom', path: ['CORS_ORIGINS'], message: 'must list the web app origins in production (comma-separated)' });
      if (origins.includes('*')) ctx.addIssue({ code: 'custom', path: ['CORS_ORIGINS'], message: 'must not contain * (credentials go only to listed origins)' });
    }
    for (const origin of list(env.CORS_ORIGINS)) {
      if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
        ctx.addIssue({ code: 'custom', path: ['CORS_ORIGINS'], message: `has "${origin}", which is not an origin like https://app.example.com (no path, no trailing slash)` });
      }
    }
    for (const id of list(env.ENHANCEMENT_MODELS)) {
      if (!MODEL_IDS.has(id)) ctx.addIssue({ code: 'custom', path: ['ENHANCEMENT_MODELS'], message: `has "${id}", which is not a model of the catalogue (${[...MODEL_IDS].join(', ')})` });
    }
    if (env.ENHANCEMENT_PROGRESS_INTERVAL_SECONDS * 2 > env.ENHANCEMENT_HEARTBEAT_SECONDS) {
      ctx.addIssue({ code: 'custom', path: ['ENHANCEMENT_PROGRESS_INTERVAL_SECONDS'], message: 'must be at most half of ENHANCEMENT_HEARTBEAT_SECONDS' });
    }
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together' });
    }
  });

export type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  env: Environment['NODE_ENV'];
  isProduction: boolean;
  port: number;
  host: string;
  /** Where browsers reach the API; every URL the API hands out starts with it. */
  publicUrl: string;
  logLevel: Environment['LOG_LEVEL'];
  /** How V8 collects the buffers that streamed bytes leave behind: see runtime-tuning.ts. */
  gcMode: Environment['GC_MODE'];
  dataDir: string;
  database: { url?: string; embeddedPort: number };
  storage: {
    endpoint?: string;
    region: string;
    bucket: string;
    accessKeyId?: string;
    secretAccessKey?: string;
    forcePathStyle: boolean;
  };
  auth: {
    jwtSecret?: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlHours: number;
    rememberMeTtlDays: number;
  };
  signedUrlTtlSeconds: number;
  /** Largest ZIP a download may produce; larger ones are refused before streaming starts. */
  maxArchiveBytes: number;
  uploads: {
    urlTtlSeconds: number;
    maxBytes: number;
    maxPixels: number;
    pendingTtlMinutes: number;
    sweepIntervalSeconds: number;
  };
  bootstrapAdmin?: { email: string; password: string };
  seedDemoData: boolean;
  /** Where the days and months of AI-enhancement usage caps begin and end (an IANA zone). */
  enhancementTimeZone: string;
  redisUrl?: string;
  /** SMTP when smtpUrl is set; otherwise (never in production) the mail_outbox table. */
  mail: { smtpUrl?: string; from: string };
  /** Remote AI-enhancement providers; each one is present only when its API token is set. */
  enhancementProviders: {
    /** Longest a single HTTP call to a provider may take. */
    timeoutSeconds: number;
    replicate?: {
      apiToken: string;
      baseUrl: string;
      pollIntervalMs: number;
      /** Signed completion webhooks, when a secret is set: Replicate calls `url` (PUBLIC_URL + /webhooks/replicate). */
      webhook?: { secret: string; url: string };
    };
    huggingface?: { apiToken: string; baseUrl: string };
  };
  /** AI-enhancement tasks: which models are offered and how the pg-boss workers run them. */
  enhancements: {
    /** Model ids of the catalogue to offer (ENHANCEMENT_MODELS); empty means every model whose provider is configured. */
    models: string[];
    /** Run workers inside the API process; `npm run worker` processes add more. */
    workersInServer: boolean;
    /** Tasks one process runs at the same time. */
    concurrency: number;
    /** Tries per task, the first included: transient provider failures and dead workers use them up. */
    maxAttempts: number;
    /** First wait before a retry; it doubles with each further try. */
    retryDelaySeconds: number;
    /** A running task's worker is considered dead after this long without a heartbeat. */
    heartbeatSeconds: number;
    /** How often every process looks for tasks whose heartbeat stopped. */
    monitorIntervalSeconds: number;
    /** How often a running task records its progress and checks whether it was canceled. */
    progressIntervalSeconds: number;
    /** Longest one try of a task may run. */
    timeoutSeconds: number;
  };
  /**
   * Rendering of uploaded images (previews, thumbnails, watermarked copies) as queued tasks. They run
   * where enhancement tasks run (ENHANCEMENT_WORKERS_IN_SERVER); the pixels are worked in a child
   * process at a lower CPU priority, so requests keep their share of the cores during an ingest.
   */
  renders: {
    /** Renders one process runs at the same time. */
    concurrency: number;
    /** libvips threads per render (sharp.concurrency). */
    threads: number;
    /** Niceness of the render process (0 = as the API, 19 = only idle CPU). */
    nice: number;
    /** Tries per render, the first included: transient storage failures and dead workers use them up. */
    maxAttempts: number;
    retryDelaySeconds: number;
    heartbeatSeconds: number;
    timeoutSeconds: number;
  };
  /** Proxies whose X-Forwarded-For is believed (Express `trust proxy` values: addresses, CIDRs, loopback…). */
  trustedProxies: string[];
  corsOrigins: string[];
  rateLimits: {
    enabled: boolean;
    keyPrefix: string;
    loginAccountIp: RateLimit;
    loginIp: RateLimit;
    loginAccount: RateLimit;
    uploadIp: RateLimit;
    uploadUser: RateLimit;
    /** Upload calls of a staff user, from any address: a whole shoot in one sitting. */
    uploadStaffUser: RateLimit;
    /** Mebibytes declared in upload requests, per user a day: customers, and staff. */
    uploadMibUser: RateLimit;
    uploadMibStaffUser: RateLimit;
    downloadUser: RateLimit;
    enhanceUser: RateLimit;
    generalIp: RateLimit;
    /** Previews and thumbnails fetched with a viewer's signed media URL: counted per viewer instead of per address. */
    mediaViewer: RateLimit;
  };
}

export interface RateLimit {
  points: number;
  durationSeconds: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Parses and validates the environment once; every problem is reported with its variable name. */
/** For long-running entry points (API, worker): the configuration, or its problems printed and exit code 1. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set" (as in `PORT= npm start`), never 0 or an empty name.
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = environmentSchema.safeParse(given);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.') || 'environment';
        const value = source[name];
        // URLs may carry credentials: never echo them, nor secrets and API tokens.
        const shown = value === undefined || /SECRET|PASSWORD|_TOKEN$|_URL$/.test(name) ? '' : ` (got "${value}")`;
        return `${name} ${issue.message}${shown}`;
      }),
    );
  }
  const env = parsed.data;
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  return {
    env: env.NODE_ENV,
    isProduction: env.NODE_ENV === 'production',
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    logLevel: env.LOG_LEVEL,
    gcMode: env.GC_MODE,
    dataDir: env.DATA_DIR,
    database: { url: env.DATABASE_URL, embeddedPort: env.EMBEDDED_PG_PORT },
    storage: {
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      bucket: env.S3_BUCKET,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
    },
    auth: {
      jwtSecret: env.JWT_SECRET,
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlHours: env.REFRESH_TOKEN_TTL_HOURS,
      rememberMeTtlDays: env.REMEMBER_ME_TTL_DAYS,
    },
    signedUrlTtlSeconds: env.SIGNED_URL_TTL_SECONDS,
    maxArchiveBytes: env.MAX_ARCHIVE_BYTES,
    uploads: {
      urlTtlSeconds: env.UPLOAD_URL_TTL_SECONDS,
      maxBytes: env.MAX_UPLOAD_BYTES,
      maxPixels: env.MAX_IMAGE_PIXELS,
      pendingTtlMinutes: env.PENDING_UPLOAD_TTL_MINUTES,
      sweepIntervalSeconds: env.UPLOAD_SWEEP_INTERVAL_SECONDS,
    },
    bootstrapAdmin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined,
    seedDemoData: env.SEED_DEMO_DATA ?? env.NODE_ENV === 'development',
    enhancementTimeZone: env.ENHANCEMENT_TIME_ZONE,
    redisUrl: env.REDIS_URL,
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    enhancementProviders: {
      timeoutSeconds: env.PROVIDER_TIMEOUT_SECONDS,
      replicate: env.REPLICATE_API_TOKEN
        ? {
            apiToken: env.REPLICATE_API_TOKEN,
            baseUrl: env.REPLICATE_BASE_URL,
            pollIntervalMs: env.REPLICATE_POLL_INTERVAL_MS,
            webhook: env.REPLICATE_WEBHOOK_SECRET ? { secret: env.REPLICATE_WEBHOOK_SECRET, url: `${publicUrl}/webhooks/replicate` } : undefined,
          }
        : undefined,
      huggingface: env.HUGGINGFACE_API_TOKEN ? { apiToken: env.HUGGINGFACE_API_TOKEN, baseUrl: env.HUGGINGFACE_BASE_URL } : undefined,
    },
    enhancements: {
      models: list(env.ENHANCEMENT_MODELS),
      workersInServer: env.ENHANCEMENT_WORKERS_IN_SERVER,
      concurrency: env.ENHANCEMENT_CONCURRENCY,
      maxAttempts: env.ENHANCEMENT_MAX_ATTEMPTS,
      retryDelaySeconds: env.ENHANCEMENT_RETRY_DELAY_SECONDS,
      heartbeatSeconds: env.ENHANCEMENT_HEARTBEAT_SECONDS,
      monitorIntervalSeconds: env.ENHANCEMENT_MONITOR_INTERVAL_SECONDS,
      progressIntervalSeconds: env.ENHANCEMENT_PROGRESS_INTERVAL_SECONDS,
      timeoutSeconds: env.ENHANCEMENT_TIMEOUT_MINUTES * 60,
    },
    renders: {
      concurrency: env.RENDER_CONCURRENCY,
      threads: env.RENDER_THREADS,
      nice: env.RENDER_NICE,
      maxAttempts: env.RENDER_MAX_ATTEMPTS,
      retryDelaySeconds: env.RENDER_RETRY_DELAY_SECONDS,
      heartbeatSeconds: env.RENDER_HEARTBEAT_SECONDS,
      timeoutSeconds: env.RENDER_TIMEOUT_MINUTES * 60,
    },
    trustedProxies: list(env.TRUSTED_PROXIES),
    corsOrigins: list(env.CORS_ORIGINS).filter((origin) => origin !== '*'),
    rateLimits: {
      enabled: env.RATE_LIMITS_ENABLED,
      keyPrefix: env.RATE_LIMIT_KEY_PREFIX,
      loginAccountIp: env.RATE_LIMIT_LOGIN_ACCOUNT_IP,
      loginIp: env.RATE_LIMIT_LOGIN_IP,
      loginAccount: env.RATE_LIMIT_LOGIN_ACCOUNT,
      uploadIp: env.RATE_LIMIT_UPLOAD_IP,
      uploadUser: env.RATE_LIMIT_UPLOAD_USER,
      uploadStaffUser: env.RATE_LIMIT_UPLOAD_STAFF_USER,
      uploadMibUser: env.RATE_LIMIT_UPLOAD_MIB_USER,
      uploadMibStaffUser: env.RATE_LIMIT_UPLOAD_MIB_STAFF_USER,
      downloadUser: env.RATE_LIMIT_DOWNLOAD_USER,
      enhanceUser: env.RATE_LIMIT_ENHANCE_USER,
      generalIp: env.RATE_LIMIT_GENERAL_IP,
      mediaViewer: env.RATE_LIMIT_MEDIA_VIEWER,
    },
  };
}
