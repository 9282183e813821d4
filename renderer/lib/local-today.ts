import { localIsoDate } from '../../shared/local-date';

/** Today's date where the user is: rules about dates are judged against it. */
export function localToday(): string {
  return localIsoDate(new Date());
}
