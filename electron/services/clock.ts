export { localIsoDate } from '../../shared/local-date';
