import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Locale } from '../../shared/i18n/locale';
import type { ContractSpec } from '../../shared/ipc/define';
import { listChannels } from '../../shared/ipc/define';
import type { Dispatch } from '../ipc/dispatch';
import { failure } from '../ipc/failure';
import type { Logger } from '../services/logger';
import type { SenderInfo } from './sender';

interface RegisterOptions {
  readonly ipcMain: Pick<IpcMain, 'handle'>;
  readonly contract: ContractSpec;
  readonly dispatch: Dispatch;
  readonly isTrusted: (sender: SenderInfo) => boolean;
  readonly locale: () => Locale;
  readonly log: Logger;
}

/** Registers one ipcMain handler per contract channel, each behind the sender check. */
export function registerIpc(options: RegisterOptions): void {
  for (const { name } of listChannels(options.contract)) {
    options.ipcMain.handle(name, async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!options.isTrusted(senderInfo(event))) {
        options.log.warn('ipc.forbidden-sender', { channel: name });
        return failure('forbidden-sender', options.locale());
      }
      return options.dispatch(name, input);
    });
  }
}

function senderInfo(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frame: frame ? { url: frame.url, isMainFrame: frame.parent === null } : null,
  };
}
