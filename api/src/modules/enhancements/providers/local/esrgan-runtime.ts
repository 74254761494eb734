/**
 * TensorFlow.js with the wasm backend, the esrgan-slim models loaded from their files, and one
 * model run on one RGB image. Imported by the worker thread (and by the benchmark's baseline), never
 * by the API's thread: the first import costs ~100 ms and every call blocks its thread.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { esrganModelDir, type EsrganScale } from './esrgan-models.js';
import type { RgbImage } from './tiling.js';

const WASM_BINARIES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'] as const;

let backendReady: Promise<void> | undefined;

async function initialiseBackend(): Promise<void> {
  const require = createRequire(import.meta.url);
  const wasmDir = path.dirname(require.resolve(`@tensorflow/tfjs-backend-wasm/dist/${WASM_BINARIES[0]}`));
  // Absolute file paths: in Node the backend reads them with fs, no fetch.
  setWasmPaths(Object.fromEntries(WASM_BINARIES.map((name) => [name, path.join(wasmDir, name)])) as Record<(typeof WASM_BINARIES)[number], string>);
  // tfjs 4.11 turns wasm threads off in Node (tfjs#3830: its pthread workers are Blob URLs, which
  // Node's Worker refuses). Forcing them on fails at start-up here, so this is the SIMD build on
  // one thread — which also leaves the other core to the API.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (!(await tf.setBackend('wasm'))) throw new Error('the TensorFlow.js wasm backend did not initialise');
  await tf.ready();
}

/** Selects the wasm backend once per thread. */
export function initWasmBackend(): Promise<void> {
  backendReady ??= initialiseBackend().catch((error: unknown) => {
    backendReady = undefined;
    throw error;
  });
  return backendReady;
}

interface ModelJson {
  modelTopology: object;
  format?: string;
  generatedBy?: string;
  convertedBy?: string;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

/** Reads model.json and its shards from disk: tfjs's own file:// loader lives in tfjs-node, which cannot be installed here. */
function fileModelHandler(dir: string): tf.io.IOHandler {
  return {
    load: async () => {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as ModelJson;
      const shards = manifest.weightsManifest.flatMap((group) => group.paths.map((file) => readFileSync(path.join(dir, file))));
      const weightData = new Uint8Array(Buffer.concat(shards)).buffer;
      return {
        modelTopology: manifest.modelTopology,
        format: manifest.format,
        generatedBy: manifest.generatedBy,
        convertedBy: manifest.convertedBy,
        weightSpecs: manifest.weightsManifest.flatMap((group) => group.weights),
        weightData,
      };
    },
  };
}

export async function loadEsrganModel(scale: EsrganScale): Promise<tf.LayersModel> {
  await initWasmBackend();
  return tf.loadLayersModel(fileModelHandler(esrganModelDir(scale)));
}

/**
 * Runs the model on one image (a tile or a whole small image). Pixels go in as 0–255 floats and come
 * out clipped to 0–255 and rounded (see ESRGAN_VALUE_RANGE).
 */
export async function runEsrgan(model: tf.LayersModel, image: RgbImage, scale: EsrganScale): Promise<RgbImage> {
  const output = tf.tidy(() => model.predict(tf.tensor4d(Float32Array.from(image.data), [1, image.height, image.width, 3])) as tf.Tensor);
  try {
    const [, height, width, channels] = output.shape;
    if (height !== image.height * scale || width !== image.width * scale || channels !== 3) {
      throw new Error(`the model returned ${output.shape.join('×')} for a ${image.width}×${image.height} input at ×${scale}`);
    }
    const values = (await output.data()) as Float32Array;
    // Uint8ClampedArray conversion clamps to 0–255 and rounds to nearest: exactly the post-processing wanted.
    const clamped = new Uint8ClampedArray(values);
    return { data: new Uint8Array(clamped.buffer), width, height };
  } finally {
    output.dispose();
  }
}
