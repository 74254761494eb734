import { selectionStateLabels } from '@pixgate/labels';
import { useLocale } from '../../i18n/i18n';
import type { ImageSituation } from './image-state';

/** The image's selection state in the shared words of both apps; nothing for plain, unselected images. */
export function StateBadge({ situation, state }: { situation: ImageSituation; state: keyof (typeof selectionStateLabels)['en'] }) {
  const { locale } = useLocale();
  if (situation === 'NONE' || situation === 'ALL_INCLUDED') return null;
  return <span className={`badge badge-${state.toLowerCase().replace('_', '-')}`}>{selectionStateLabels[locale][state]}</span>;
}
