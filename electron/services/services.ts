import fs from 'node:fs';
import type { AppInfo } from '../../shared/ipc/app';
import type { StoreFactory } from './json-store';
import type { Logger } from './logger';
import { createFileLogger } from './logger';
import type { SettingsService } from './settings-service';
import { openSettings } from './settings-service';
import type { TemplateStore } from './templates/template-store';
import { openTemplateStore } from './templates/template-store';

export const APP_NAME = 'Qinglang Inspector';

/** Everything the handlers and the CLI work with; built once per process. */
export interface Services {
  readonly log: Logger;
  readonly settings: SettingsService;
  readonly templates: TemplateStore;
  readonly about: Omit<AppInfo, 'notices'>;
}

interface CreateServicesOptions {
  readonly dataDir: string;
  readonly version: string;
  readonly shell: AppInfo['shell'];
  readonly storeFactory: StoreFactory;
  readonly log?: Logger;
}

/** The one place the Node side is assembled: main, the browser harness and the CLI all call it. */
export function createServices(options: CreateServicesOptions): Services {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const log = options.log ?? createFileLogger(options.dataDir);
  const settings = openSettings({
    dataDir: options.dataDir,
    storeFactory: options.storeFactory,
    log,
  });
  const templates = openTemplateStore({
    dataDir: options.dataDir,
    log,
    defaultRef: () => settings.get().defaultTemplate,
  });
  log.info('app.started', { shell: options.shell, version: options.version });
  return {
    log,
    settings,
    templates,
    about: {
      name: APP_NAME,
      version: options.version,
      shell: options.shell,
      dataDir: options.dataDir,
      logFile: log.file,
    },
  };
}
