import type { EntityManager } from '@mikro-orm/postgresql';
import { optionalText, requireIntInRange, requireText } from '../../shared/input-validation.js';
import { STUDIO_SETTINGS_ID, StudioSettings } from './studio-settings.entity.js';
import type { UpdateStudioSettingsInput } from './studio.types.js';

export const DEFAULT_STUDIO = { name: 'pixgate studio', watermarkText: 'PREVIEW' };

export class StudioService {
  /** The settings row, created with defaults the first time anyone asks. */
  async get(em: EntityManager): Promise<StudioSettings> {
    const existing = await em.findOne(StudioSettings, { id: STUDIO_SETTINGS_ID });
    if (existing) return existing;
    await em.getConnection().execute(
      'INSERT INTO studio_settings (id, name, watermark_text) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING',
      [STUDIO_SETTINGS_ID, DEFAULT_STUDIO.name, DEFAULT_STUDIO.watermarkText],
    );
    return em.findOneOrFail(StudioSettings, { id: STUDIO_SETTINGS_ID });
  }

  async update(em: EntityManager, input: UpdateStudioSettingsInput): Promise<StudioSettings> {
    const settings = await this.get(em);
    if (input.name !== undefined && input.name !== null) settings.name = requireText(input.name, 'name');
    if (input.watermarkText !== undefined && input.watermarkText !== null) {
      settings.watermarkText = optionalText(input.watermarkText, 'watermarkText', 60) ?? DEFAULT_STUDIO.watermarkText;
    }
    if (input.defaultIncludedImages !== undefined && input.defaultIncludedImages !== null) {
      settings.defaultIncludedImages = requireIntInRange(input.defaultIncludedImages, 'defaultIncludedImages', 0, 100_000);
    }
    if (input.defaultAllowCustomerUploads !== undefined && input.defaultAllowCustomerUploads !== null) {
      settings.defaultAllowCustomerUploads = input.defaultAllowCustomerUploads;
    }
    await em.flush();
    return settings;
  }
}
