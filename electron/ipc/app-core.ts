import type { Locale } from '../../shared/i18n/locale';
import { contract } from '../../shared/ipc/contract';
import type { CreateServicesOptions, Services } from '../services/services';
import { createServices } from '../services/services';
import type { Dispatch } from './dispatch';
import { createDispatcher } from './dispatch';
import { createHandlers } from './handlers';

/** What each shell puts a window or a server around: the services and the one door to them. */
export interface AppCore {
  readonly services: Services;
  readonly dispatch: Dispatch;
  /** The user's language, read per call so that a change in Settings applies at once. */
  readonly locale: () => Locale;
}

/**
 * The one set-up path of the desktop app and the browser harness: the same services, handlers
 * and dispatcher, so the two shells differ only in how a call reaches `dispatch`. Throws what
 * createServices throws (a locked or unusable data folder).
 */
export function openAppCore(options: CreateServicesOptions): AppCore {
  const services = createServices(options);
  const locale = () => services.settings.get().language;
  const dispatch = createDispatcher({
    contract,
    handlers: createHandlers(services),
    locale,
    log: services.log,
  });
  return { services, dispatch, locale };
}
