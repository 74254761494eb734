import CustomerIcon from '@mui/icons-material/Business';
import { CustomerCreate, CustomerEdit } from './CustomerForms';
import { CustomerList } from './CustomerList';
import { CustomerShow } from './CustomerShow';

export default {
  list: CustomerList,
  show: CustomerShow,
  edit: CustomerEdit,
  create: CustomerCreate,
  icon: CustomerIcon,
  recordRepresentation: 'name',
};
