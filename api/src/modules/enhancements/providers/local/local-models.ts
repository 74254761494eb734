/**
 * The model references the local provider understands, and their parameters. The registry
 * validates parameters first; this is the provider's own, defensive reading of them.
 */
import type { EnhancementParams } from '../provider.js';
import { ProviderError } from '../provider.js';
import { ESRGAN_SCALES, isEsrganScale, type EsrganScale } from './esrgan-models.js';

export type LocalModel = { kind: 'esrgan'; scale: EsrganScale } | { kind: 'restore-basic'; strength: number };

/**
 * - `esrgan-slim/x2`, `/x3`, `/x4`: ESRGAN super-resolution at a fixed factor (a `scale` param, if
 *   given, must agree);
 * - `esrgan-slim`: the factor comes from the `scale` param (2, 3 or 4);
 * - `sharp/restore-basic`: classical restore, `strength` 0–1 (default 0.5).
 */
export const LOCAL_MODEL_REFS = ['esrgan-slim/x2', 'esrgan-slim/x3', 'esrgan-slim/x4', 'esrgan-slim', 'sharp/restore-basic'] as const;

export const DEFAULT_RESTORE_STRENGTH = 0.5;

const invalid = (message: string) => new ProviderError('invalid-input', message);

function esrganScale(modelRef: string, params: EnhancementParams): EsrganScale {
  const requested = params.scale;
  if (modelRef === 'esrgan-slim') {
    if (!isEsrganScale(requested)) throw invalid(`scale must be one of ${ESRGAN_SCALES.join(', ')}`);
    return requested;
  }
  const fixed = Number(/^esrgan-slim\/x(\d)$/.exec(modelRef)?.[1]);
  if (!isEsrganScale(fixed)) throw invalid(`Unknown local model ${modelRef}`);
  if (requested !== undefined && requested !== fixed) throw invalid(`${modelRef} upscales ×${fixed}, not ×${String(requested)}`);
  return fixed;
}

function restoreStrength(params: EnhancementParams): number {
  const strength = params.strength ?? DEFAULT_RESTORE_STRENGTH;
  if (typeof strength !== 'number' || !(strength >= 0 && strength <= 1)) throw invalid('strength must be a number from 0 to 1');
  return strength;
}

export function resolveLocalModel(modelRef: string, params: EnhancementParams): LocalModel {
  if (modelRef === 'sharp/restore-basic') return { kind: 'restore-basic', strength: restoreStrength(params) };
  if (modelRef === 'esrgan-slim' || modelRef.startsWith('esrgan-slim/')) return { kind: 'esrgan', scale: esrganScale(modelRef, params) };
  throw invalid(`Unknown local model ${modelRef}`);
}
