/**
 * The ESRGAN models shipped inside `@upscalerjs/esrgan-slim` and where their files are. Nothing here
 * loads TensorFlow.js: the API's thread imports this module, only the worker loads the models.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const ESRGAN_SCALES = [2, 3, 4] as const;
export type EsrganScale = (typeof ESRGAN_SCALES)[number];

/**
 * Context each tile needs beyond the pixels it owns, in source pixels: the network's receptive
 * radius. esrgan-slim is an RDN whose low-resolution part has seven 3×3 and one 5×5 convolution
 * (9 px), and whose last 3×3 convolution after upsampling reaches one more source pixel: 10.
 * Measured at ×2 and ×4: with 10, tiled output is bit-identical to a whole-image run; with 9, a
 * few values in 100,000 differ by 1; with 4, thousands by up to 6.
 */
export const ESRGAN_TILE_OVERLAP = 10;

/**
 * esrgan-slim's own model definition says `inputRange: [0, 255]`, `outputRange: [0, 255]` for this
 * architecture: pixels go in unscaled as float32, and come out on the same scale, overshooting
 * (about −30…300 on photos), so they are clipped to 0–255 and rounded.
 */
export const ESRGAN_VALUE_RANGE = [0, 255] as const;

const PACKAGE_NAME = '@upscalerjs/esrgan-slim';

/**
 * The package root. Its `exports` map hides `package.json` and the `models/` folder, so we resolve
 * its entry point and walk up to the folder whose package.json names it.
 */
function packageRoot(): string {
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve(PACKAGE_NAME));
  while (dir !== path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`cannot find the ${PACKAGE_NAME} package folder`);
}

let root: string | undefined;

/** The folder holding `model.json` and its weight shards for one scale. */
export function esrganModelDir(scale: EsrganScale): string {
  root ??= packageRoot();
  return path.join(root, 'models', `x${scale}`);
}

/** Files the package ships besides the models, e.g. `assets/fixture.png` (for tests). */
export function esrganPackageFile(relative: string): string {
  root ??= packageRoot();
  return path.join(root, relative);
}

export const isEsrganScale = (value: unknown): value is EsrganScale => ESRGAN_SCALES.includes(value as EsrganScale);
