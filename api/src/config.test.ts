import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('loadConfig', () => {
  it('starts with nothing set, on embedded services and safe defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, publicUrl: 'http://localhost:4000', signedUrlTtlSeconds: 300, database: { url: undefined }, storage: { endpoint: undefined } });
    expect(config.uploads.maxBytes).toBe(50 * 1024 * 1024);
  });

  it('names the variable that is wrong and why', () => {
    expect(problemsOf({ PORT: 'eighty' })[0]).toMatch(/^PORT /);
    expect(problemsOf({ DATABASE_URL: 'not a url' })[0]).toMatch(/^DATABASE_URL must be an absolute URL/);
    expect(problemsOf({ SEED_DEMO_DATA: 'maybe' })[0]).toMatch(/^SEED_DEMO_DATA must be true or false/);
  });

  it('refuses signed URLs that would live longer than 15 minutes (rule 7)', () => {
    expect(problemsOf({ SIGNED_URL_TTL_SECONDS: '901' })[0]).toMatch(/^SIGNED_URL_TTL_SECONDS must be at most 900/);
    expect(problemsOf({ UPLOAD_URL_TTL_SECONDS: '3600' })[0]).toMatch(/^UPLOAD_URL_TTL_SECONDS must be at most 900/);
    expect(loadConfig({ SIGNED_URL_TTL_SECONDS: '900' }).signedUrlTtlSeconds).toBe(900);
  });

  it('requires a signing secret in production and never echoes secrets', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toContain('JWT_SECRET is required in production');
    const problems = problemsOf({ JWT_SECRET: 'short-secret-value' });
    expect(problems[0]).toMatch(/^JWT_SECRET must be at least 32 characters/);
    expect(problems.join()).not.toContain('short-secret-value');
  });

  it('tunes garbage collection for streaming unless GC_MODE asks for V8’s defaults', () => {
    expect(loadConfig({}).gcMode).toBe('throughput');
    expect(loadConfig({ GC_MODE: 'memory' }).gcMode).toBe('memory');
    expect(problemsOf({ GC_MODE: 'fast' })[0]).toMatch(/^GC_MODE /);
  });

  it('treats an empty variable as unset, not as zero', () => {
    expect(loadConfig({ PORT: '', EMBEDDED_PG_PORT: ' ' })).toMatchObject({ port: 4000, database: { embeddedPort: 54329 } });
  });

  it('refuses a sweep that would remove uploads whose URL is still valid', () => {
    expect(problemsOf({ PENDING_UPLOAD_TTL_MINUTES: '10', UPLOAD_URL_TTL_SECONDS: '900' })[0]).toMatch(/^PENDING_UPLOAD_TTL_MINUTES must outlast/);
  });

  it('refuses an empty or wildcard CORS list in production, and anything that is not an origin', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), SMTP_URL: 'smtp://mail.example:25' };
    expect(problemsOf(production).join()).toMatch(/CORS_ORIGINS must list the web app origins/);
    expect(problemsOf({ ...production, CORS_ORIGINS: 'https://a.example,*' }).join()).toMatch(/CORS_ORIGINS must not contain \*/);
    expect(problemsOf({ CORS_ORIGINS: 'https://a.example/app' })[0]).toMatch(/CORS_ORIGINS has "https:\/\/a.example\/app"/);
    expect(loadConfig({ ...production, CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('refuses a rate limit it cannot read instead of silently dropping it', () => {
    expect(problemsOf({ RATE_LIMIT_LOGIN_IP: '20 per 10 minutes' })[0]).toMatch(/^RATE_LIMIT_LOGIN_IP must look like 5\/10m/);
    expect(problemsOf({ RATE_LIMIT_LOGIN_IP: '0/10m' })[0]).toMatch(/^RATE_LIMIT_LOGIN_IP needs a count/);
    expect(loadConfig({ RATE_LIMIT_LOGIN_IP: '7/2h' }).rateLimits.loginIp).toEqual({ points: 7, durationSeconds: 7200 });
  });

  it('wants S3 credentials with an S3 endpoint, and admin email and password together', () => {
    expect(problemsOf({ S3_ENDPOINT: 'http://minio:9000' }).join()).toMatch(/S3_ACCESS_KEY_ID/);
    expect(problemsOf({ ADMIN_EMAIL: 'a@b.test' }).join()).toMatch(/ADMIN_PASSWORD/);
  });

  it('requires SMTP_URL in production (no outbox there), never echoes it, and falls back to the outbox elsewhere', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), CORS_ORIGINS: 'https://app.example.com' };
    expect(problemsOf(production)).toContain('SMTP_URL is required in production (sign-in codes are sent by email; the outbox exists only outside production)');
    expect(loadConfig({ ...production, SMTP_URL: 'smtps://mailer:s3cret@mail.example.com:465' }).mail).toEqual({ smtpUrl: 'smtps://mailer:s3cret@mail.example.com:465', from: 'pixgate <no-reply@localhost>' });
    const wrongScheme = problemsOf({ SMTP_URL: 'https://mailer:s3cret@mail.example.com' });
    expect(wrongScheme[0]).toMatch(/^SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(wrongScheme.join()).not.toContain('s3cret');
    expect(loadConfig({ MAIL_FROM: 'Studio Nord <codes@studio.example>' }).mail).toEqual({ smtpUrl: undefined, from: 'Studio Nord <codes@studio.example>' });
  });
});
