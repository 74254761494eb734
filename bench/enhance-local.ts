/**
 * Local enhancement throughput (issue target): input megapixels per second through the `local`
 * provider — decode with sharp, tiles to the ESRGAN worker thread and back, merge, PNG encode — as a
 * ratio of the bare model running on the same tiles in this process, in the same run (>= 0.85).
 *
 * Both sides use the same TensorFlow.js wasm build (SIMD, one thread) and the same tile plan; the
 * baseline times only `model.predict` + reading the result for each tile, so everything the
 * provider adds (thread hand-over, cropping, pasting, decoding, encoding) is what the ratio costs.
 * Rounds alternate which side goes first, because this machine is shared.
 *
 * Env: BENCH_ENHANCE_WIDTH (944), BENCH_ENHANCE_HEIGHT (472), BENCH_ENHANCE_SCALE (2, or 3, 4),
 * BENCH_ENHANCE_ROUNDS (3).
 */
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { ESRGAN_TILE_OVERLAP, esrganPackageFile, isEsrganScale } from '../api/src/modules/enhancements/providers/local/esrgan-models.js';
import { loadEsrganModel, runEsrgan } from '../api/src/modules/enhancements/providers/local/esrgan-runtime.js';
import { DEFAULT_TILE_SIZE, LocalEnhancementProvider } from '../api/src/modules/enhancements/providers/local/local-provider.js';
import { decodeRgb } from '../api/src/modules/enhancements/providers/local/rgb-codec.js';
import { cropRgb, planTiles } from '../api/src/modules/enhancements/providers/local/tiling.js';
import type { ProviderRequest } from '../api/src/modules/enhancements/providers/provider.js';
import { fmt, median, onCleanup, printTable, run } from './support.js';

const WIDTH = Number(process.env.BENCH_ENHANCE_WIDTH ?? 944);
const HEIGHT = Number(process.env.BENCH_ENHANCE_HEIGHT ?? 472);
const SCALE = Number(process.env.BENCH_ENHANCE_SCALE ?? 2);
const ROUNDS = Number(process.env.BENCH_ENHANCE_ROUNDS ?? 3);

run(async () => {
  if (!isEsrganScale(SCALE)) throw new Error(`BENCH_ENHANCE_SCALE must be 2, 3 or 4, got ${SCALE}`);
  const scale = SCALE;
  // A photograph as customers upload them: JPEG (the esrgan-slim fixture, resized; the model's
  // speed does not depend on the content).
  const jpeg = await sharp(esrganPackageFile('assets/fixture.png')).removeAlpha().resize(WIDTH, HEIGHT, { fit: 'fill' }).jpeg({ quality: 90 }).toBuffer();
  const megapixels = (WIDTH * HEIGHT) / 1e6;

  // The baseline's tiles: exactly those the provider cuts (same plan, same decode).
  const source = await decodeRgb(jpeg, 50_000_000);
  const tiles = planTiles(source.width, source.height, { tileSize: DEFAULT_TILE_SIZE, overlap: ESRGAN_TILE_OVERLAP }).map((tile) => cropRgb(source, tile.input));
  const model = await loadEsrganModel(scale);
  const bare = async (): Promise<number> => {
    let seconds = 0;
    for (const tile of tiles) {
      const started = performance.now();
      await runEsrgan(model, tile, scale);
      seconds += (performance.now() - started) / 1000;
    }
    return seconds;
  };

  const provider = new LocalEnhancementProvider();
  onCleanup(() => provider.close());
  const request: ProviderRequest = {
    taskId: 'bench',
    modelRef: `esrgan-slim/x${scale}`,
    params: {},
    image: { bytes: jpeg, contentType: 'image/jpeg', width: WIDTH, height: HEIGHT },
    signal: new AbortController().signal,
  };
  let outputBytes = 0;
  const throughProvider = async (): Promise<number> => {
    const started = performance.now();
    const result = await provider.enhance(request);
    const seconds = (performance.now() - started) / 1000;
    const { width, height } = await sharp(result.bytes).metadata();
    if (width !== WIDTH * scale || height !== HEIGHT * scale) throw new Error(`provider returned ${width}×${height}, expected ${WIDTH * scale}×${HEIGHT * scale}`);
    outputBytes = result.bytes.length;
    return seconds;
  };

  console.log(`${WIDTH}×${HEIGHT} (${fmt(megapixels, 3)} MP) JPEG → ×${scale}, ${tiles.length} tiles of ≤ ${DEFAULT_TILE_SIZE} px + ${ESRGAN_TILE_OVERLAP} px overlap`);
  // Untimed first passes: wasm compilation, model load in the worker, JIT.
  const coldStarted = performance.now();
  await throughProvider();
  const coldSeconds = (performance.now() - coldStarted) / 1000;
  await bare();

  const bareRates: number[] = [];
  const providerRates: number[] = [];
  const ratios: number[] = [];
  const bareSecondsPerTile: number[] = [];
  const providerSecondsPerTile: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const bareFirst = round % 2 === 0;
    const first = await (bareFirst ? bare() : throughProvider());
    const second = await (bareFirst ? throughProvider() : bare());
    const [bareSeconds, providerSeconds] = bareFirst ? [first, second] : [second, first];
    bareRates.push(megapixels / bareSeconds);
    providerRates.push(megapixels / providerSeconds);
    ratios.push(bareSeconds / providerSeconds);
    bareSecondsPerTile.push(bareSeconds / tiles.length);
    providerSecondsPerTile.push(providerSeconds / tiles.length);
    console.log(
      `round ${round + 1}: bare ${fmt(bareSeconds)} s (${fmt(megapixels / bareSeconds, 4)} MP/s), provider ${fmt(providerSeconds)} s ` +
        `(${fmt(megapixels / providerSeconds, 4)} MP/s), ratio ${fmt(ratios.at(-1)!, 3)}`,
    );
  }

  printTable(`local ESRGAN ×${scale}, provider ÷ bare model on the same tiles (${ROUNDS} rounds, medians)`, [
    { name: 'bare model', value: median(bareRates), unit: 'MP/s', digits: 4 },
    { name: 'provider (worker + tiling + decode/encode)', value: median(providerRates), unit: 'MP/s', digits: 4 },
    { name: 'ratio provider ÷ bare', value: median(ratios), unit: '', target: { op: '>=', value: 0.85 }, digits: 3 },
    { name: 'seconds per tile, bare', value: median(bareSecondsPerTile), unit: 's' },
    { name: 'seconds per tile, provider', value: median(providerSecondsPerTile), unit: 's' },
    { name: 'first pass, cold (incl. worker start, model load)', value: coldSeconds, unit: 's' },
    { name: 'PNG output', value: outputBytes / 1e6, unit: 'MB' },
  ], { width: WIDTH, height: HEIGHT, scale, rounds: ROUNDS });
});
