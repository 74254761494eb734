declare module 's3rver' {
  import type { RequestListener } from 'node:http';
  import type { AddressInfo } from 'node:net';
  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }
  export default class S3rver {
    constructor(options?: S3rverOptions);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    /** Creates the buckets of `configureBuckets` (what `run` does before listening). */
    configureBuckets(): Promise<void>;
    /** The Koa request handler, for serving from a server of one's own. */
    callback(): RequestListener;
  }
}
