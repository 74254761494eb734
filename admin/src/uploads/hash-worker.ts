/**
 * SHA-256 of picked files, off the main thread (a 10 MB photo would hold the page for a noticeable
 * moment, hundreds of them for good).
 *
 * WebCrypto's digest is native and several times faster than any script, but it is one-shot: the
 * whole file must be in memory. Files are hashed one after another, so that is one file at a time
 * (a photo is 5–50 MB; the API takes at most 50 MB by default). WebAssembly hashers (hash-wasm)
 * would hash chunk-wise at native speed, but the back office's CSP (`script-src 'self'`, no
 * 'wasm-unsafe-eval') rightly does not let WebAssembly compile. So the chunk-wise path is
 * @noble/hashes, plain audited JavaScript: for files too large to hold (ONE_SHOT_LIMIT) and for
 * pages opened over plain HTTP on a non-local address, where browsers offer no `crypto.subtle`.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export interface HashQuestion {
  id: number;
  file: Blob;
}

export type HashAnswer = { id: number; sha256: string } | { id: number; error: string; unreadable: boolean };

const ONE_SHOT_LIMIT = 256 * 1024 * 1024;
const CHUNK_BYTES = 8 * 1024 * 1024;

async function digest(file: Blob): Promise<string> {
  if (globalThis.crypto?.subtle && file.size <= ONE_SHOT_LIMIT) {
    return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer())));
  }
  const hash = sha256.create();
  for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
    hash.update(new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer()));
  }
  return bytesToHex(hash.digest());
}

/** Reading a file fails with these when it was moved, deleted or is locked since it was picked. */
const UNREADABLE = new Set(['NotReadableError', 'NotFoundError', 'SecurityError']);

// A worker's global scope; the DOM typings the app is checked with do not describe it.
const scope = self as unknown as { onmessage: ((event: MessageEvent<HashQuestion>) => void) | null; postMessage(answer: HashAnswer): void };

// One file at a time, in the order asked: memory holds one file, not every file asked for.
let queue: Promise<void> = Promise.resolve();

scope.onmessage = ({ data: { id, file } }) => {
  queue = queue.then(() =>
    digest(file).then(
      (hex) => scope.postMessage({ id, sha256: hex }),
      (error: unknown) => {
        const name = error instanceof Error ? error.name : '';
        scope.postMessage({ id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), unreadable: UNREADABLE.has(name) });
      },
    ),
  );
};
