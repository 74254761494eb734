import KeyOffIcon from '@mui/icons-material/KeyOff';
import { useState } from 'react';
import { Button, useDataProvider, useGetIdentity, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { PixgateDataProvider } from '../dataProvider';
import type { UserRecord } from '../dataProvider/users';
import type { UserRole } from '../gql/graphql';
import { ReasonDialog } from '../shared/ReasonDialog';
import { mayResetTotp } from './user-permissions';

/**
 * Removes another user's second factor (a lost phone) after a confirmation with a reason, which
 * the audit trail keeps. Admins only, never their own.
 */
export function ResetTotpButton() {
  const user = useRecordContext<UserRecord>();
  const { permissions } = usePermissions<UserRole>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const dataProvider = useDataProvider<PixgateDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!user || !mayResetTotp(permissions, identity?.id === undefined ? undefined : String(identity.id), user)) return null;
  return (
    <>
      <Button label="pixgate.userAdmin.totp_reset" onClick={() => setOpen(true)} color="warning">
        <KeyOffIcon />
      </Button>
      <ReasonDialog
        open={open}
        title={translate('pixgate.userAdmin.totp_reset_title', { name: user.name })}
        help={translate('pixgate.userAdmin.totp_reset_help', { name: user.name })}
        confirmLabel={translate('pixgate.userAdmin.totp_reset')}
        onClose={() => setOpen(false)}
        onConfirm={async (reason) => {
          await dataProvider.resetUserTotp('users', { id: user.id, reason });
          notify('pixgate.userAdmin.totp_reset_done', { type: 'success' });
          refresh();
        }}
      />
    </>
  );
}
