import PlanIcon from '@mui/icons-material/WorkspacePremium';
import { PlanList } from './PlanList';

export default {
  list: PlanList,
  icon: PlanIcon,
  recordRepresentation: 'name',
};
