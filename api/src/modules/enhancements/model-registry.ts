import { badInput } from '../../shared/errors.js';
import { MODEL_CATALOGUE, ModelCategory, ParameterKind, type ModelDefinition, type ParameterSpec, type ProviderName } from '../../shared/domain/model-catalogue.js';
import type { EnhancementParams } from './providers/provider.js';
import { isSupportedReplicateModel } from './providers/replicate-provider.js';

/** A request checked against the registry: what to run, with every parameter filled in. */
export interface ValidatedRequest {
  model: ModelDefinition;
  params: EnhancementParams;
  /** The factor a plan's maximum upscale is checked against; null when the model does not enlarge. */
  upscaleFactor: number | null;
  faceEnhance: boolean;
}

export interface SourceSize {
  width: number;
  height: number;
  /** Named in size errors, so a batch says which image is too large. */
  imageId?: string;
}

/**
 * The models this deployment offers: the catalogue, narrowed to ENHANCEMENT_MODELS when that is
 * set and to the providers that are configured. Every task is checked here before it is created.
 */
export class ModelRegistry {
  private readonly models: ReadonlyMap<string, ModelDefinition>;
  private readonly maxOutputPixels: number;

  constructor(options: { enabledIds: readonly string[]; availableProviders: ReadonlySet<ProviderName>; maxOutputPixels: number }) {
    const enabled = new Set(options.enabledIds);
    const offered = MODEL_CATALOGUE.filter((model) => (enabled.size === 0 || enabled.has(model.id)) && options.availableProviders.has(model.provider));
    for (const model of offered) {
      // The Replicate provider maps parameters per model; an entry it cannot map would fail every task.
      if (model.provider === 'replicate' && !isSupportedReplicateModel(model.modelRef)) throw new Error(`The Replicate provider cannot run ${model.modelRef} (${model.id}).`);
    }
    this.models = new Map(offered.map((model) => [model.id, model]));
    this.maxOutputPixels = options.maxOutputPixels;
  }

  list(): ModelDefinition[] {
    return [...this.models.values()];
  }

  /** A model that was offered once may be gone after a configuration change; tasks keep its id. */
  find(id: string): ModelDefinition | undefined {
    return this.models.get(id);
  }

  /**
   * Checks the model, its parameters and the source's size against the model's limits and the
   * largest image the API stores; fills in defaults. Refusals are BAD_USER_INPUT with `field` and `reason`.
   */
  validate(modelId: string, rawParams: unknown, source: SourceSize, sourceField = 'imageId'): ValidatedRequest {
    const model = this.models.get(modelId);
    if (!model) {
      throw badInput(`There is no enhancement model "${modelId}". Ask enhancementModels for the ones offered.`, { field: 'modelId', reason: 'UNKNOWN_MODEL', offered: [...this.models.keys()] });
    }
    const params = validateParams(model, rawParams);
    const scale = model.outputScale ?? Number(params.scale);
    const inputPixels = source.width * source.height;
    if (inputPixels > model.maxInputMegapixels * 1_000_000) {
      throw badInput(`${model.name} takes images up to ${model.maxInputMegapixels} MP; this one has ${(inputPixels / 1_000_000).toFixed(2)} MP.`, {
        field: sourceField,
        reason: 'INPUT_TOO_LARGE',
        maxInputMegapixels: model.maxInputMegapixels,
        imageId: source.imageId,
      });
    }
    const outputPixels = inputPixels * scale * scale;
    if (outputPixels > this.maxOutputPixels) {
      throw badInput(`The result would have ${(outputPixels / 1_000_000).toFixed(1)} MP, more than the ${this.maxOutputPixels / 1_000_000} MP an image may have.`, {
        field: model.outputScale === null ? 'params.scale' : sourceField,
        reason: 'OUTPUT_TOO_LARGE',
        maxOutputPixels: this.maxOutputPixels,
        imageId: source.imageId,
      });
    }
    return {
      model,
      params,
      upscaleFactor: scale > 1 ? scale : null,
      faceEnhance: model.category === ModelCategory.FACE || params.faceEnhance === true,
    };
  }
}

function validateParams(model: ModelDefinition, raw: unknown): EnhancementParams {
  const given = raw ?? {};
  if (typeof given !== 'object' || Array.isArray(given)) throw badInput('params must be an object of parameter names and values.', { field: 'params', reason: 'INVALID_PARAMS' });
  const specs = new Map(model.parameters.map((spec) => [spec.name, spec]));
  for (const name of Object.keys(given)) {
    if (!specs.has(name)) {
      throw badInput(`${model.name} has no parameter "${name}".`, { field: `params.${name}`, reason: 'UNKNOWN_PARAMETER', accepted: [...specs.keys()] });
    }
  }
  const params: EnhancementParams = {};
  for (const spec of model.parameters) {
    const value = (given as Record<string, unknown>)[spec.name];
    params[spec.name] = value === undefined || value === null ? spec.defaultValue : checkedValue(spec, value);
  }
  return params;
}

function checkedValue(spec: ParameterSpec, value: unknown): number | boolean {
  const field = `params.${spec.name}`;
  switch (spec.kind) {
    case ParameterKind.BOOLEAN:
      if (typeof value !== 'boolean') throw badInput(`${spec.name} must be true or false.`, { field, reason: 'INVALID_VALUE' });
      return value;
    case ParameterKind.CHOICE:
      if (typeof value !== 'number' || !spec.allowedValues!.includes(value)) {
        throw badInput(`${spec.name} must be one of ${spec.allowedValues!.join(', ')}.`, { field, reason: 'INVALID_VALUE', allowedValues: spec.allowedValues });
      }
      return value;
    case ParameterKind.RANGE:
      if (typeof value !== 'number' || !Number.isFinite(value) || value < spec.min! || value > spec.max!) {
        throw badInput(`${spec.name} must be a number from ${spec.min} to ${spec.max}.`, { field, reason: 'OUT_OF_RANGE', min: spec.min, max: spec.max });
      }
      return value;
  }
}
