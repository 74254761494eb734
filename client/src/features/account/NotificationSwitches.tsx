import { notificationKindLabels } from '@pixgate/labels';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql, useFragment, type FragmentType } from '../../gql';
import type { NotificationKind } from '../../gql/graphql';
import { describeError } from '../../graphql/errors';
import { useLocale, useMessages } from '../../i18n/i18n';
import { accountMessages } from './messages';
import { UpdateMySettings } from './settings-documents';

export const NotificationSwitchesFragment = graphql(`
  fragment NotificationSwitches on User {
    id
    notificationSettings {
      kind
      enabled
    }
  }
`);

/** One switch per kind of mail the API sends a customer (it lists those of the user's role). */
export function NotificationSwitches(props: { user: FragmentType<typeof NotificationSwitchesFragment> }) {
  const user = useFragment(NotificationSwitchesFragment, props.user);
  const t = useMessages(accountMessages);
  const { locale } = useLocale();
  const [saving, save] = useMutation(UpdateMySettings);
  const [status, setStatus] = useState<string | null>(null);
  // The switch moves at once; the saved state replaces it when the API answers.
  const [pending, setPending] = useState<Partial<Record<NotificationKind, boolean>>>({});
  return (
    <fieldset className="card switches">
      <legend>{t.notifications}</legend>
      <p className="muted small">{t.notificationsHelp}</p>
      {user.notificationSettings.map((setting) => (
        <label key={setting.kind} className="check">
          <input
            type="checkbox"
            checked={pending[setting.kind] ?? setting.enabled}
            disabled={saving.fetching}
            onChange={async (event) => {
              const enabled = event.target.checked;
              setStatus(null);
              setPending((current) => ({ ...current, [setting.kind]: enabled }));
              const result = await save({ input: { notifications: [{ kind: setting.kind, enabled }] } });
              setPending((current) => ({ ...current, [setting.kind]: undefined }));
              setStatus(result.error ? describeError(result.error, locale) : t.saved);
            }}
          />
          <span>{notificationKindLabels[locale][setting.kind]}</span>
        </label>
      ))}
      <p className="muted small" role="status">
        {status}
      </p>
    </fieldset>
  );
}
