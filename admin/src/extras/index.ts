import InboxIcon from '@mui/icons-material/MoveToInbox';
import { ExtraRequestList } from './ExtraRequestList';

export default {
  list: ExtraRequestList,
  icon: InboxIcon,
};
