import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { useState } from 'react';
import { Button, useDataProvider, useGetIdentity, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { PixgateDataProvider } from '../dataProvider';
import type { UserRecord } from '../dataProvider/users';
import type { UserRole } from '../gql/graphql';
import { ReasonDialog } from '../shared/ReasonDialog';

/** What the API allows: staff (de)activate customer users, admins anyone; nobody themselves. */
export const mayChangeActive = (viewer: UserRole | undefined, viewerId: string | undefined, user: UserRecord) =>
  user.id !== viewerId && (viewer === 'ADMIN' || (viewer === 'STAFF' && user.role === 'CUSTOMER'));

/**
 * Deactivate (blocks sign-in, ends every session at once) or reactivate, with a reason for the
 * audit trail (the API makes it optional, the back office asks for it). Hidden where the API
 * would refuse.
 */
export function UserActiveButton() {
  const user = useRecordContext<UserRecord>();
  const { permissions } = usePermissions<UserRole>();
  const { identity } = useGetIdentity();
  const dataProvider = useDataProvider<PixgateDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  // The dialog keeps the action it was opened for: the refresh after confirming flips
  // `user.active` while the dialog is still fading out, and its texts must not flip with it.
  const [dialogAction, setDialogAction] = useState<'deactivate' | 'reactivate'>('deactivate');
  if (!user || !mayChangeActive(permissions, identity?.id === undefined ? undefined : String(identity.id), user)) return null;
  const buttonAction = user.active ? 'deactivate' : 'reactivate';
  const openDialog = () => {
    setDialogAction(buttonAction);
    setOpen(true);
  };
  const confirm = async (reason: string) => {
    const params = { id: user.id, reason };
    await (dialogAction === 'deactivate' ? dataProvider.deactivateUser('users', params) : dataProvider.reactivateUser('users', params));
    notify(dialogAction === 'deactivate' ? 'pixgate.user.deactivated' : 'pixgate.user.reactivated', { type: 'success' });
    refresh();
  };
  return (
    <>
      <Button label={`pixgate.user.${buttonAction}`} onClick={openDialog} color={buttonAction === 'deactivate' ? 'error' : 'primary'}>
        {buttonAction === 'deactivate' ? <BlockIcon /> : <CheckCircleIcon />}
      </Button>
      <ReasonDialog
        open={open}
        title={translate(`pixgate.user.${dialogAction}_title`, { name: user.name })}
        help={translate(`pixgate.user.${dialogAction}_help`, { name: user.name })}
        confirmLabel={translate(`pixgate.user.${dialogAction}`)}
        onClose={() => setOpen(false)}
        onConfirm={confirm}
      />
    </>
  );
}
