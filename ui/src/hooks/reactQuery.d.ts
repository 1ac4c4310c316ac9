import '@tanstack/react-query';
import type { ApiError } from '../bindings';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}
