import { registerEnumType } from 'type-graphql';

/**
 * Every enhancement model pixgate knows (seed 000's ALLOWED_MODELS, seed 002's Swin2SR): nothing
 * outside this list can run. Which of them are offered is configuration: ENHANCEMENT_MODELS picks
 * from it, and a remote model appears only when its provider's API token is set.
 */

/** Who runs a model: this server, or a remote API. */
export type ProviderName = 'local' | 'replicate' | 'huggingface';

export enum ModelCategory {
  UPSCALE = 'UPSCALE',
  RESTORE = 'RESTORE',
  FACE = 'FACE',
}
registerEnumType(ModelCategory, {
  name: 'ModelCategory',
  valuesConfig: {
    UPSCALE: { description: 'More pixels: super-resolution.' },
    RESTORE: { description: 'Same size, cleaner: noise, contrast, sharpness.' },
    FACE: { description: 'Repairs faces (and may upscale the rest).' },
  },
});

export enum ParameterKind {
  CHOICE = 'CHOICE',
  RANGE = 'RANGE',
  BOOLEAN = 'BOOLEAN',
}
registerEnumType(ParameterKind, {
  name: 'ParameterKind',
  valuesConfig: {
    CHOICE: { description: 'One of `allowedValues`.' },
    RANGE: { description: 'A number from `min` to `max`.' },
    BOOLEAN: { description: 'true or false.' },
  },
});

/** One parameter a model accepts, under our camelCase name (providers map it to their own). */
export interface ParameterSpec {
  name: string;
  kind: ParameterKind;
  description: string;
  defaultValue: number | boolean;
  allowedValues?: number[];
  min?: number;
  max?: number;
}

export interface ModelDefinition {
  id: string;
  name: string;
  /** What the model is for, and for which images. */
  description: string;
  category: ModelCategory;
  provider: ProviderName;
  /** The provider's own reference (pinned versions for Replicate). Never shown to clients. */
  modelRef: string;
  parameters: ParameterSpec[];
  /** How many times wider and taller the result is; null when the `scale` parameter decides. */
  outputScale: number | null;
  /** The largest source the model takes. */
  maxInputMegapixels: number;
  /** Usage units one task costs (plans cap these). */
  costUnits: number;
}

const scaleChoice = (values: number[], defaultValue: number): ParameterSpec => ({
  name: 'scale',
  kind: ParameterKind.CHOICE,
  description: 'How many times wider and taller the result is.',
  allowedValues: values,
  defaultValue,
});

export const MODEL_CATALOGUE: readonly ModelDefinition[] = [
  {
    id: 'esrgan-2x',
    name: 'ESRGAN 2× (on this server)',
    description:
      'ESRGAN super-resolution that runs on this server; nothing leaves it. It takes about a second per 256 px tile on two cores, so it is for small images and crops up to 1 MP.',
    category: ModelCategory.UPSCALE,
    provider: 'local',
    modelRef: 'esrgan-slim/x2',
    parameters: [],
    outputScale: 2,
    maxInputMegapixels: 1,
    costUnits: 1,
  },
  {
    id: 'esrgan-4x',
    name: 'ESRGAN 4× (on this server)',
    description:
      'ESRGAN 4× super-resolution on this server. Slower than 2× and its result is 16 times the pixels, so it is for thumbnails and small crops up to 0.25 MP.',
    category: ModelCategory.UPSCALE,
    provider: 'local',
    modelRef: 'esrgan-slim/x4',
    parameters: [],
    outputScale: 4,
    maxInputMegapixels: 0.25,
    costUnits: 2,
  },
  {
    id: 'restore-basic',
    name: 'Basic restoration (on this server)',
    description:
      'Classical clean-up on this server — denoise, levels, sharpen — for scans and slightly soft photos of any size. Fast; no AI, so it does not invent detail.',
    category: ModelCategory.RESTORE,
    provider: 'local',
    modelRef: 'sharp/restore-basic',
    parameters: [
      { name: 'strength', kind: ParameterKind.RANGE, description: 'How strongly to denoise and sharpen, 0 (gentle) to 1 (strong).', min: 0, max: 1, defaultValue: 0.5 },
    ],
    outputScale: 1,
    maxInputMegapixels: 40,
    costUnits: 1,
  },
  {
    id: 'real-esrgan',
    name: 'Real-ESRGAN (Replicate)',
    description: 'Real-ESRGAN on a Replicate GPU: upscales real-world photos 2× or 4×, optionally repairing faces with GFPGAN. Up to 2 MP.',
    category: ModelCategory.UPSCALE,
    provider: 'replicate',
    modelRef: 'nightmareai/real-esrgan:f121d640bd286e1fdc67f9799164c1d5be36ff74576ee11c803ae5b665dd46aa',
    parameters: [
      scaleChoice([2, 4], 2),
      { name: 'faceEnhance', kind: ParameterKind.BOOLEAN, description: 'Also repair faces (GFPGAN).', defaultValue: false },
    ],
    outputScale: null,
    maxInputMegapixels: 2,
    costUnits: 2,
  },
  {
    id: 'gfpgan',
    name: 'GFPGAN face restoration (Replicate)',
    description: 'GFPGAN 1.4 on Replicate: restores blurred or damaged faces in portraits and old photos. Up to 4 MP.',
    category: ModelCategory.FACE,
    provider: 'replicate',
    modelRef: 'tencentarc/gfpgan:0fbacf7afc6c144e5be9767cff80f25aff23e52b0708f17e20f9879b2f21516c',
    parameters: [scaleChoice([1, 2, 4], 2)],
    outputScale: null,
    maxInputMegapixels: 4,
    costUnits: 2,
  },
  {
    id: 'codeformer',
    name: 'CodeFormer face restoration (Replicate)',
    description: 'CodeFormer on Replicate: robust face restoration for badly degraded faces; fidelity trades faithfulness against quality. Up to 4 MP.',
    category: ModelCategory.FACE,
    provider: 'replicate',
    modelRef: 'sczhou/codeformer:7de2ea26c616d5bf2245ad0d5e24f0ff9a6204578a5c876db53142edd9d2cd56',
    parameters: [
      { name: 'fidelity', kind: ParameterKind.RANGE, description: '0 favours quality, 1 favours faithfulness to the input.', min: 0, max: 1, defaultValue: 0.7 },
      scaleChoice([1, 2, 4], 2),
    ],
    outputScale: null,
    maxInputMegapixels: 4,
    costUnits: 3,
  },
  {
    id: 'swin2sr-2x',
    name: 'Swin2SR 2× (Hugging Face)',
    description: 'Swin2SR classical super-resolution on the Hugging Face Inference API: crisp 2× upscales of clean images up to 1 MP.',
    category: ModelCategory.UPSCALE,
    provider: 'huggingface',
    modelRef: 'caidas/swin2SR-classical-sr-x2-64',
    parameters: [],
    outputScale: 2,
    maxInputMegapixels: 1,
    costUnits: 2,
  },
  {
    id: 'swin2sr-4x',
    name: 'Swin2SR 4× (Hugging Face)',
    description: 'Swin2SR classical 4× super-resolution on the Hugging Face Inference API, for small clean images up to 0.5 MP.',
    category: ModelCategory.UPSCALE,
    provider: 'huggingface',
    modelRef: 'caidas/swin2SR-classical-sr-x4-64',
    parameters: [],
    outputScale: 4,
    maxInputMegapixels: 0.5,
    costUnits: 3,
  },
];

export const MODEL_IDS: ReadonlySet<string> = new Set(MODEL_CATALOGUE.map((model) => model.id));
