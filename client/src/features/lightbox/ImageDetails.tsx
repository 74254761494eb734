import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n/i18n';
import { EnhancePanel } from '../enhance/EnhancePanel';
import { selectionMessages } from '../selection/messages';
import { RequestOutcome } from '../selection/RequestOutcome';

/** What only the open photo needs: its requests for extras and their outcomes, and its enhancements. */
const ImageDetailsQuery = graphql(`
  query ClientImageDetails($id: ID!) {
    image(id: $id) {
      id
      extraRequests {
        id
        ...RequestOutcome
      }
      ...EnhancePanelImage
    }
  }
`);

export function ImageDetails({ imageId }: { imageId: string }) {
  const t = useMessages(selectionMessages).outcome;
  const [{ data }] = useQuery({ query: ImageDetailsQuery, variables: { id: imageId }, requestPolicy: 'cache-and-network' });
  if (!data) return null;
  const requests = data.image.extraRequests;
  return (
    <>
      {requests.length > 0 && (
        <section className="outcomes">
          <h3>{t.title}</h3>
          {requests.slice(0, 3).map((request) => (
            <RequestOutcome key={request.id} request={request} />
          ))}
        </section>
      )}
      <EnhancePanel image={data.image} />
    </>
  );
}
