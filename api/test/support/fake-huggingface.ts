import sharp from 'sharp';
import { PROVIDER_BODY_MARKER, sendJson, startFakeHttpServer } from './fake-http-server.js';

/**
 * A local stand-in for Hugging Face's Inference API (https://router.huggingface.co/hf-inference/models),
 * image-to-image: POST /{owner}/{model} with the image bytes and a bearer token, answered with the
 * result's bytes. A success really upscales the input with sharp by the model's factor (`-x2-`,
 * `-x4-` in its name, like Swin2SR's); failures answer the statuses and JSON bodies the API uses.
 */
export type HuggingFaceBehaviour =
  | { kind: 'succeed' }
  | { kind: 'http-error'; status: number }
  /** 503 with {error, estimated_time} while a cold model loads. */
  | { kind: 'loading'; estimatedTimeSeconds: number }
  | { kind: 'slow'; delayMs: number }
  /** 200 with a JSON body instead of an image. */
  | { kind: 'not-an-image' };

export async function startFakeHuggingFace(options: { token: string }) {
  let behaviour: HuggingFaceBehaviour = { kind: 'succeed' };
  const http = await startFakeHttpServer(async (request, res) => {
    const match = /^\/hf-inference\/models\/([^/]+\/[^/]+)$/.exec(request.path);
    if (request.method !== 'POST' || !match) return sendJson(res, 404, { error: 'Not Found' });
    if (request.headers.authorization !== `Bearer ${options.token}`) {
      return sendJson(res, 401, { error: `Invalid credentials in Authorization header ${PROVIDER_BODY_MARKER}` });
    }
    const model = match[1]!;
    switch (behaviour.kind) {
      case 'http-error':
        return sendJson(res, behaviour.status, { error: `Request failed for ${model} ${PROVIDER_BODY_MARKER}` });
      case 'loading':
        return sendJson(res, 503, { error: `Model ${model} is currently loading ${PROVIDER_BODY_MARKER}`, estimated_time: behaviour.estimatedTimeSeconds });
      case 'not-an-image':
        return sendJson(res, 200, [{ label: 'cat', score: 0.9, note: PROVIDER_BODY_MARKER }]);
      case 'slow':
        await http.later(behaviour.delayMs);
        break;
      case 'succeed':
        break;
    }
    const scale = Number(/-x(\d)-/.exec(model)?.[1] ?? 2);
    let upscaled: Buffer;
    try {
      const { width, height } = await sharp(request.body).metadata();
      upscaled = await sharp(request.body).resize(width * scale, height * scale).png().toBuffer();
    } catch {
      return sendJson(res, 400, { error: `cannot identify image file ${PROVIDER_BODY_MARKER}` });
    }
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(upscaled.length) }).end(upscaled);
  });
  return {
    /** Use as HUGGINGFACE_BASE_URL. */
    url: `${http.origin}/hf-inference/models`,
    requests: http.requests,
    behave(next: HuggingFaceBehaviour) {
      behaviour = next;
    },
    close: http.close,
  };
}

export type FakeHuggingFace = Awaited<ReturnType<typeof startFakeHuggingFace>>;
