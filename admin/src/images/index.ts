import ImageIcon from '@mui/icons-material/Image';
import { ImageShow } from './ImageShow';

/** Images live in their job (its grid); each has a page of its own. No list: there is no menu entry. */
export default {
  show: ImageShow,
  icon: ImageIcon,
  recordRepresentation: 'filename',
};
