/** Messages between the API's thread and the ESRGAN worker thread: one tile per request. */
import type { EsrganScale } from './esrgan-models.js';

export interface TileRequest {
  id: number;
  scale: EsrganScale;
  width: number;
  height: number;
  /** Packed RGB; its buffer is transferred, not copied. */
  pixels: Uint8Array;
}

export type TileResponse =
  | { id: number; ok: true; width: number; height: number; pixels: Uint8Array }
  | { id: number; ok: false; message: string };
