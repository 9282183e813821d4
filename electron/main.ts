import { bootstrap } from './desktop/bootstrap';

bootstrap({ mainDir: import.meta.dirname, env: process.env });
