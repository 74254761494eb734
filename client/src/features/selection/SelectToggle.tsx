import { useState } from 'react';
import { useMutation } from 'urql';
import { useFragment, type FragmentType } from '../../gql';
import { describeError } from '../../graphql/errors';
import { useLocale, useMessages } from '../../i18n/i18n';
import { LockIcon } from '../../app/icons';
import { ExtraRequestDialog } from './ExtraRequestDialog';
import { selectionMessages } from './messages';
import { DeselectImage, PackageRoom, SelectImage, SelectionFacts } from './selection-documents';

/**
 * The one selection control of an image: select while the package has room, otherwise ask for an
 * extra (with an optional note); remove from the selection unless a download locked it, which is
 * shown before anyone tries.
 */
export function SelectToggle(props: { image: FragmentType<typeof SelectionFacts>; job: FragmentType<typeof PackageRoom>; compact?: boolean }) {
  const image = useFragment(SelectionFacts, props.image);
  const job = useFragment(PackageRoom, props.job);
  const t = useMessages(selectionMessages);
  const { locale } = useLocale();
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, select] = useMutation(SelectImage);
  const [deselected, deselect] = useMutation(DeselectImage);
  const busy = selected.fetching || deselected.fetching;

  // An enhanced copy follows its original: released with it, never selected on its own.
  if (image.derivedFrom) return <span className="derived-note">{props.compact ? t.derivedShort : t.derived}</span>;
  if (job.allImagesIncluded || image.selectionState === 'BLOCKED' || image.selectionState === 'EXTRA_PAID' || image.selectionState === 'EXTRA_FREE') return null;

  const run = async (action: () => Promise<{ error?: Parameters<typeof describeError>[0] }>) => {
    setProblem(null);
    const result = await action();
    if (result.error) setProblem(describeError(result.error, locale));
  };

  let control;
  if (image.selectionState === 'NONE') {
    const hasRoom = job.includedCount < job.includedImages;
    control = hasRoom ? (
      <button type="button" className="select-button" aria-label={t.selectLabel(image.filename)} disabled={busy} onClick={() => void run(() => select({ imageId: image.id }))}>
        {t.select}
      </button>
    ) : (
      <button type="button" className="select-button extra" aria-label={t.requestExtraLabel(image.filename)} disabled={busy} onClick={() => setAsking(true)}>
        {t.requestExtra}
      </button>
    );
  } else if (image.locked) {
    control = (
      <span className="locked-note" title={t.locked}>
        <LockIcon />
        {props.compact ? <span className="visually-hidden">{t.locked}</span> : t.locked}
      </span>
    );
  } else {
    control = (
      <button type="button" className="select-button selected" aria-pressed="true" aria-label={t.deselectLabel(image.filename)} disabled={busy} onClick={() => void run(() => deselect({ imageId: image.id }))}>
        {t.deselect}
      </button>
    );
  }

  return (
    <span className="select-toggle">
      {control}
      {problem && (
        <span className="error small" role="alert">
          {problem}
        </span>
      )}
      {asking && (
        <ExtraRequestDialog
          packageSize={job.includedImages}
          busy={busy}
          onCancel={() => setAsking(false)}
          onSend={async (note) => {
            await run(() => select({ imageId: image.id, extraNote: note || null }));
            setAsking(false);
          }}
        />
      )}
    </span>
  );
}
