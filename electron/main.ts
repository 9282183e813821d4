import { bootstrap } from './bootstrap';

bootstrap({ mainDir: import.meta.dirname, env: process.env });
