export {
  ApiError,
  HypercareClient,
  type ApiResponse,
  type Exchange,
  type ServiceName,
} from './hypercare-client';
