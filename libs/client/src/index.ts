export { ApiError, HypercareClient, type ApiResponse, type ServiceName } from './hypercare-client';
