import { AppError } from '../../shared/errors';
import type { Handlers } from '../../shared/ipc/contract';
import type { Services } from '../services/services';
import { checkSignature } from '../services/signing/verify';

export function createSignoffHandlers(services: Services): Handlers['signoff'] {
  return {
    sign: async ({ id, request }) => {
      // The image must be a file the data folder holds (a sign-off never points at nothing), and
      // its kind is what its bytes show, not what the caller says.
      if (!services.evidence.has(request.image.sha256)) throw new AppError('evidence-not-found');
      const { type } = await services.evidence.read(request.image.sha256);
      const image = { ...request.image, type };
      return services.inspections.sign(id, { ...request, image }, services.keys.signer());
    },
    reopen: ({ id, reason }) => services.inspections.reopen(id, reason),
    check: ({ id }) => checkSignature(services.inspections.get(id), services.keys.fingerprint()),
    key: () => services.keys.status(),
    replaceKey: () => services.keys.replace(),
  };
}
