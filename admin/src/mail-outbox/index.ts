import MailIcon from '@mui/icons-material/Mail';
import { MailOutboxList } from './MailOutboxList';

/** Admins only, like the API's mailOutbox; App registers it for them alone. */
export default {
  list: MailOutboxList,
  icon: MailIcon,
};
