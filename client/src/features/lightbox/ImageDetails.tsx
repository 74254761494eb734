import { graphql, useFragment, type FragmentType } from '../../gql';
import { useMessages } from '../../i18n/i18n';
import { EnhancePanel } from '../enhance/EnhancePanel';
import { selectionMessages } from '../selection/messages';
import { RequestOutcome } from '../selection/RequestOutcome';

export const ImageDetailsFragment = graphql(`
  fragment ImageDetails on Image {
    id
    extraRequests {
      id
      ...RequestOutcome
    }
    ...EnhancePanelImage
  }
`);

/** What only the open photo shows: its requests for extras with their outcomes, and its enhancements. */
export function ImageDetails(props: { image: FragmentType<typeof ImageDetailsFragment> }) {
  const image = useFragment(ImageDetailsFragment, props.image);
  const t = useMessages(selectionMessages).outcome;
  return (
    <>
      {image.extraRequests.length > 0 && (
        <section className="outcomes">
          <h3>{t.title}</h3>
          {image.extraRequests.slice(0, 3).map((request) => (
            <RequestOutcome key={request.id} request={request} />
          ))}
        </section>
      )}
      <EnhancePanel image={image} />
    </>
  );
}
