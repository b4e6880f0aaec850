export {
  ApiError,
  HypercareClient,
  type ApiResponse,
  type Exchange,
  type ServiceName,
} from './hypercare-client';
export { newProgramme, planPeriod } from './planning';
