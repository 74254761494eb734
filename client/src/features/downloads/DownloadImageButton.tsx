import { useState } from 'react';
import { useClient, useMutation } from 'urql';
import { Dialog } from '../../app/Dialog';
import { DownloadIcon } from '../../app/icons';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { SelectionFacts } from '../selection/selection-documents';
import { describeError } from '../../graphql/errors';
import { useLocale, useMessages } from '../../i18n/i18n';
import { downloadMessages } from './messages';
import { startNativeDownload } from './native-download';

const ImageDownloadUrl = graphql(`
  mutation ClientImageDownloadUrl($imageId: ID!) {
    imageDownloadUrl(imageId: $imageId) {
      url
      filename
    }
  }
`);

/** After the transfer started the image is locked: ask for the facts again so the screen shows it. */
const ImageLock = graphql(`
  query ClientImageLock($id: ID!) {
    image(id: $id) {
      id
      locked
      thumbnailUrl
      previewUrl
      mediaUrlsExpireAt
    }
  }
`);

/**
 * A released image as a native download. The first download of an included image that could still
 * be swapped says beforehand that it keeps the image in the selection for good (the selection lock).
 */
/** The download reads the same facts as the selection control (released, locked, state), so a gallery asks for them once. */
export function DownloadImageButton(props: { image: FragmentType<typeof SelectionFacts>; allImagesIncluded: boolean; className?: string; compact?: boolean }) {
  const image = useFragment(SelectionFacts, props.image);
  const t = useMessages(downloadMessages);
  const { locale } = useLocale();
  const client = useClient();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [ticket, requestTicket] = useMutation(ImageDownloadUrl);
  if (!image.downloadable) return null;
  const willLock = !image.locked && image.selectionState === 'INCLUDED' && !props.allImagesIncluded;

  const download = async () => {
    setConfirming(false);
    setProblem(null);
    const result = await requestTicket({ imageId: image.id });
    if (result.error || !result.data) return setProblem(describeError(result.error, locale));
    startNativeDownload(result.data.imageDownloadUrl.url, result.data.imageDownloadUrl.filename);
    if (willLock) setTimeout(() => void client.query(ImageLock, { id: image.id }, { requestPolicy: 'network-only' }).toPromise(), 1_500);
  };

  return (
    <>
      <button type="button" className={props.className ?? 'download-button'} aria-label={props.compact ? undefined : t.downloadLabel(image.filename)} title={props.compact ? t.download : undefined} disabled={ticket.fetching} onClick={() => (willLock ? setConfirming(true) : void download())}>
        {props.compact ? (
          <>
            <DownloadIcon />
            <span className="visually-hidden">{t.downloadLabel(image.filename)}</span>
          </>
        ) : (
          t.download
        )}
      </button>
      {problem && (
        <span className="error small" role="alert">
          {problem}
        </span>
      )}
      {confirming && (
        <Dialog title={t.lockDialog.title} onClose={() => setConfirming(false)}>
          <p>{t.lockDialog.text}</p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setConfirming(false)}>
              {t.lockDialog.cancel}
            </button>
            <button type="button" className="primary" onClick={() => void download()}>
              {t.lockDialog.confirm}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
