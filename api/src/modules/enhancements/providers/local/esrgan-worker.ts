/**
 * Worker-thread entry: owns TensorFlow.js, the wasm backend and the loaded models, and upscales one
 * tile per message, in arrival order. Started by EsrganTileWorker; never imported by the API itself.
 */
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { LayersModel } from '@tensorflow/tfjs';
import type { EsrganScale } from './esrgan-models.js';
import { loadEsrganModel, runEsrgan } from './esrgan-runtime.js';
import type { TileRequest, TileResponse } from './esrgan-worker-protocol.js';

if (!parentPort) throw new Error('esrgan-worker.ts must run in a worker thread');
const port = parentPort;

// Inference is background work: it takes whatever CPU the API's requests leave. On Linux a
// priority set for pid 0 applies to the calling thread only, so the API's own threads keep theirs;
// on other systems it would lower the whole process, so it is left alone there.
if (process.platform === 'linux') {
  try {
    os.setPriority(0, os.constants.priority.PRIORITY_LOW);
  } catch {
    // Not permitted in this container: inference runs at normal priority.
  }
}

const models = new Map<EsrganScale, Promise<LayersModel>>();

function model(scale: EsrganScale): Promise<LayersModel> {
  let loading = models.get(scale);
  if (!loading) {
    loading = loadEsrganModel(scale);
    // A failed load is not cached: the next tile tries again.
    loading.catch(() => models.delete(scale));
    models.set(scale, loading);
  }
  return loading;
}

async function handle(request: TileRequest): Promise<void> {
  try {
    const output = await runEsrgan(await model(request.scale), { data: request.pixels, width: request.width, height: request.height }, request.scale);
    const response: TileResponse = { id: request.id, ok: true, width: output.width, height: output.height, pixels: output.data };
    port.postMessage(response, [output.data.buffer as ArrayBuffer]);
  } catch (error) {
    const response: TileResponse = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
    port.postMessage(response);
  }
}

// One tile at a time, whoever sent it: memory stays at one tile's activations.
let queue = Promise.resolve();
port.on('message', (request: TileRequest) => {
  queue = queue.then(() => handle(request));
});
