import type { Command } from '../command';
import { EXIT_OK } from '../io';
import { openCliServices } from '../services';

export const infoCommand: Command = {
  name: 'info',
  summary: {
    'zh-CN': '显示版本、数据文件夹和日志文件位置',
    'en-US': 'show the version, data folder and log file',
  },
  synopsis: '',
  options: {},
  positionals: [0, 0],
  async run(_args, io) {
    const services = openCliServices(io.env);
    io.out(`version      ${services.about.version}`);
    io.out(`data folder  ${services.about.dataDir}`);
    io.out(`log file     ${services.about.logFile}`);
    return EXIT_OK;
  },
};
