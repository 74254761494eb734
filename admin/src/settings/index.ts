import SettingsIcon from '@mui/icons-material/Settings';
import { StudioSettingsPage } from './StudioSettingsPage';

/** Admins only (updateStudioSettings); App registers it for them alone. The list route is the settings form. */
export default {
  list: StudioSettingsPage,
  icon: SettingsIcon,
};
