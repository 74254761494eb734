import SecurityIcon from '@mui/icons-material/Security';
import { SecurityEventList } from './SecurityEventList';

/** Admins only: App registers it for them alone, as the API answers it to them alone. */
export default {
  list: SecurityEventList,
  icon: SecurityIcon,
};
