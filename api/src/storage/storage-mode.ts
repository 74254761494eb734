/**
 * `proxied`: the embedded, open S3 server is never handed to a browser; the API serves every
 * upload and download itself behind its own signed tokens. `presigned`: real S3, so browsers get
 * presigned S3 URLs (always issued after the API's own checks).
 */
export type StorageMode = 'proxied' | 'presigned';
