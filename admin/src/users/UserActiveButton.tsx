import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { useState } from 'react';
import { Button, Confirm, useDataProvider, useGetIdentity, useNotify, usePermissions, useRecordContext, useRefresh } from 'react-admin';
import type { PixgateDataProvider } from '../dataProvider';
import type { UserRecord } from '../dataProvider/users';
import type { UserRole } from '../gql/graphql';

/** What the API allows: staff (de)activate customer users, admins anyone; nobody themselves. */
export const mayChangeActive = (viewer: UserRole | undefined, viewerId: string | undefined, user: UserRecord) =>
  user.id !== viewerId && (viewer === 'ADMIN' || (viewer === 'STAFF' && user.role === 'CUSTOMER'));

/**
 * Deactivate (blocks sign-in, ends every session at once) or reactivate, after a confirmation.
 * Hidden where the API would refuse.
 */
export function UserActiveButton() {
  const user = useRecordContext<UserRecord>();
  const { permissions } = usePermissions<UserRole>();
  const { identity } = useGetIdentity();
  const dataProvider = useDataProvider<PixgateDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!user || !mayChangeActive(permissions, identity?.id === undefined ? undefined : String(identity.id), user)) return null;
  const deactivate = user.active;
  const confirm = async () => {
    setBusy(true);
    try {
      await (deactivate ? dataProvider.deactivateUser('users', { id: user.id }) : dataProvider.reactivateUser('users', { id: user.id }));
      notify(deactivate ? 'pixgate.user.deactivated' : 'pixgate.user.reactivated', { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button label={deactivate ? 'pixgate.user.deactivate' : 'pixgate.user.reactivate'} onClick={() => setOpen(true)} color={deactivate ? 'error' : 'primary'}>
        {deactivate ? <BlockIcon /> : <CheckCircleIcon />}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={deactivate ? 'pixgate.user.deactivate_title' : 'pixgate.user.reactivate_title'}
        content={deactivate ? 'pixgate.user.deactivate_help' : 'pixgate.user.reactivate_help'}
        translateOptions={{ name: user.name }}
        confirm={deactivate ? 'pixgate.user.deactivate' : 'pixgate.user.reactivate'}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
