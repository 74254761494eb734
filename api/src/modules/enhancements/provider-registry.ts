import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { HuggingFaceProvider } from './providers/huggingface-provider.js';
import { LocalEnhancementProvider } from './providers/local/local-provider.js';
import type { ProviderName } from '../../shared/domain/model-catalogue.js';
import type { EnhancementProvider } from './providers/provider.js';
import { ReplicateProvider, type ReplicateWebhookReceiver } from './providers/replicate-provider.js';

/**
 * The providers this process may use, built from configuration: `local` always, Replicate and
 * Hugging Face when their API tokens are set. Each is built on first use, so an API process whose
 * workers run elsewhere never starts the local model's worker thread.
 */
export class ProviderRegistry {
  private readonly built = new Map<ProviderName, EnhancementProvider>();
  private readonly factories: ReadonlyMap<ProviderName, () => EnhancementProvider>;

  constructor(config: Pick<Config, 'enhancementProviders'>, logger: Logger) {
    const { timeoutSeconds, replicate, huggingface } = config.enhancementProviders;
    const factories = new Map<ProviderName, () => EnhancementProvider>();
    factories.set('local', () => new LocalEnhancementProvider());
    if (replicate) {
      factories.set('replicate', () => new ReplicateProvider({
        apiToken: replicate.apiToken,
        baseUrl: replicate.baseUrl,
        timeoutMs: timeoutSeconds * 1000,
        pollIntervalMs: replicate.pollIntervalMs,
        webhookUrl: replicate.webhook?.url,
        logger: logger.child({ provider: 'replicate' }),
      }));
    }
    if (huggingface) {
      factories.set('huggingface', () => new HuggingFaceProvider({ apiToken: huggingface.apiToken, baseUrl: huggingface.baseUrl, timeoutMs: timeoutSeconds * 1000 }));
    }
    this.factories = factories;
  }

  available(): ReadonlySet<ProviderName> {
    return new Set(this.factories.keys());
  }

  /** Undefined when the provider is not configured (any more: tasks outlive configuration changes). */
  get(name: string): EnhancementProvider | undefined {
    const provider = name as ProviderName;
    let instance = this.built.get(provider);
    if (!instance) {
      const factory = this.factories.get(provider);
      if (!factory) return undefined;
      instance = factory();
      this.built.set(provider, instance);
    }
    return instance;
  }

  /** The Replicate provider that this process's workers wait on, for the signed webhook route. */
  replicateWebhooks(): ReplicateWebhookReceiver | undefined {
    return this.factories.has('replicate') ? (this.get('replicate') as ReplicateProvider) : undefined;
  }

  async close(): Promise<void> {
    const providers = [...this.built.values()];
    this.built.clear();
    await Promise.allSettled(providers.map((provider) => provider.close()));
  }
}
