import WorkIcon from '@mui/icons-material/PhotoLibrary';
import { JobCreate, JobEdit } from './JobForms';
import { JobList } from './JobList';
import { JobShow } from './JobShow';

export default {
  list: JobList,
  show: JobShow,
  edit: JobEdit,
  create: JobCreate,
  icon: WorkIcon,
  recordRepresentation: 'title',
};
