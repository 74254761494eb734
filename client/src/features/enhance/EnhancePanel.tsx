import { modelUnavailableReasonLabels } from '@pixgate/labels';
import { useEffect, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { describeError, problemOf } from '../../graphql/errors';
import { useFormat, useLocale, useMessages } from '../../i18n/i18n';
import { CompareView } from './CompareView';
import { enhanceMessages } from './messages';

export const EnhancePanelImage = graphql(`
  fragment EnhancePanelImage on Image {
    id
    filename
    previewUrl
    enhancements {
      id
      status
      progress
      cancelRequestedAt
      modelId
      model {
        id
        name
      }
      error {
        message
      }
      result {
        id
        filename
        previewUrl
        ...SelectionFacts
      }
    }
  }
`);

/** What the plan allows now, and why not for the rest (the API decides; the page only shows it). */
const EnhanceOptions = graphql(`
  query ClientEnhanceOptions {
    enhancementAvailability {
      unitsLeft
      resetAt
      creditBalance
      plan {
        id
        name
        creditsAllowed
      }
      models {
        available
        reason
        availableAgainAt
        model {
          id
          name
          description
          costUnits
        }
      }
    }
  }
`);

const StartEnhancement = graphql(`
  mutation ClientEnhanceImage($imageId: ID!, $modelId: String!) {
    enhanceImage(imageId: $imageId, modelId: $modelId) {
      id
      image {
        id
        ...EnhancePanelImage
      }
    }
  }
`);

const CancelEnhancement = graphql(`
  mutation ClientCancelEnhancement($id: ID!) {
    cancelEnhancement(id: $id) {
      id
      status
      cancelRequestedAt
    }
  }
`);

const RefreshEnhancements = graphql(`
  query ClientEnhancementProgress($id: ID!) {
    image(id: $id) {
      id
      ...EnhancePanelImage
    }
  }
`);

const RUNNING = new Set(['QUEUED', 'PROCESSING']);

/** Models the plan offers, usage left, start / progress / cancel, and results to compare and download. */
export function EnhancePanel(props: { image: FragmentType<typeof EnhancePanelImage> }) {
  const image = useFragment(EnhancePanelImage, props.image);
  const t = useMessages(enhanceMessages);
  const { locale } = useLocale();
  const format = useFormat();
  const selectId = useId();
  const [options, reloadOptions] = useQuery({ query: EnhanceOptions });
  const [, poll] = useQuery({ query: RefreshEnhancements, variables: { id: image.id }, pause: true, requestPolicy: 'network-only' });
  const [started, start] = useMutation(StartEnhancement);
  const [, cancel] = useMutation(CancelEnhancement);
  const [modelId, setModelId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [comparing, setComparing] = useState<string | null>(null);
  const running = image.enhancements.some((task) => RUNNING.has(task.status));

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => poll({ requestPolicy: 'network-only' }), 2_000);
    return () => clearInterval(timer);
  }, [running, poll]);

  const availability = options.data?.enhancementAvailability;
  const offered = availability?.models.filter((entry) => entry.available).map((entry) => entry.model) ?? [];
  const withheld = availability?.models.filter((entry) => !entry.available) ?? [];
  const models = offered;
  const chosen = models.find((model) => model.id === modelId) ?? models[0];

  const onStart = async () => {
    if (!chosen) return;
    setProblem(null);
    const result = await start({ imageId: image.id, modelId: chosen.id });
    if (result.error) {
      const found = problemOf(result.error);
      const resetAt = found?.extensions.resetAt;
      setProblem(found?.code === 'QUOTA_EXCEEDED' && typeof resetAt === 'string' ? t.quota(format.dateTime(resetAt)) : describeError(result.error, locale));
    }
    reloadOptions({ requestPolicy: 'network-only' });
  };

  const comparedTask = image.enhancements.find((task) => task.id === comparing);
  return (
    <section className="enhance-panel" aria-labelledby={`${selectId}-title`}>
      <h3 id={`${selectId}-title`}>{t.title}</h3>
      {availability && (
        <p className="muted small" data-testid="usage">
          {t.usage(availability.unitsLeft, format.dateTime(availability.resetAt))}
          {availability.plan.creditsAllowed && availability.creditBalance > 0 ? ` ${t.credits(availability.creditBalance)}` : ''}
        </p>
      )}
      {availability && models.length === 0 && <p className="muted">{withheld.some((entry) => entry.reason === 'QUOTA_USED_UP' && entry.availableAgainAt) ? t.quota(format.dateTime(withheld.find((entry) => entry.availableAgainAt)!.availableAgainAt!)) : t.notOffered}</p>}
      {models.length > 0 && (
        <div className="enhance-start">
          <label className="field" htmlFor={selectId}>
            <span>{t.model}</span>
          </label>
          <select id={selectId} value={chosen?.id ?? ''} onChange={(event) => setModelId(event.target.value)}>
            {models.map((model) => (
              <option key={model.id} value={model.id}>
                {model.name} · {t.cost(model.costUnits)}
              </option>
            ))}
          </select>
          {chosen && <p className="muted small">{chosen.description}</p>}
          <button type="button" onClick={() => void onStart()} disabled={started.fetching}>
            {t.start}
          </button>
        </div>
      )}
      {withheld.length > 0 && (
        <details className="withheld-models">
          <summary>{t.withheld(withheld.length)}</summary>
          <ul>
            {withheld.map((entry) => (
              <li key={entry.model.id}>
                {entry.model.name}: {entry.reason ? modelUnavailableReasonLabels[locale][entry.reason] : ''}
                {entry.availableAgainAt ? ` ${t.againAt(format.dateTime(entry.availableAgainAt))}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {image.enhancements.length > 0 && (
        <ul className="enhancements" aria-label={t.results}>
          {image.enhancements.map((task) => (
            <li key={task.id} data-testid="enhancement">
              <span>{task.model?.name ?? task.modelId}</span> <span className={`status status-${task.status.toLowerCase()}`}>{t.status[task.status]}</span>
              {RUNNING.has(task.status) && (
                <>
                  <progress max={1} value={task.progress} aria-label={t.status[task.status]}>
                    {t.progress(Math.round(task.progress * 100))}
                  </progress>
                  {!task.cancelRequestedAt && (
                    <button type="button" className="link-button" onClick={() => void cancel({ id: task.id })}>
                      {t.cancel}
                    </button>
                  )}
                </>
              )}
              {task.status === 'FAILED' && task.error && <span className="error small"> {task.error.message}</span>}
              {task.status === 'SUCCEEDED' && task.result && (
                <button type="button" onClick={() => setComparing(task.id)}>
                  {t.compare}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {comparedTask?.result && <CompareView before={{ url: image.previewUrl, name: image.filename }} after={comparedTask.result} onClose={() => setComparing(null)} />}
    </section>
  );
}
