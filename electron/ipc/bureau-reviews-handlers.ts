import type { Handlers } from '../../shared/ipc/contract';
import type { Services } from '../services/services';

export function createBureauReviewsHandlers(services: Services): Handlers['bureauReviews'] {
  return {
    import: ({ dataBase64 }) => services.reviews.import(Buffer.from(dataBase64, 'base64')),
    list: ({ id }) => services.reviews.list(id),
    latest: () => services.reviews.latest(),
    dismiss: ({ id, sha256 }) => (services.reviews.dismiss(id, sha256), null),
  };
}
