// `npm start`: launches the desktop app with Electron's binary, or, where that binary could not
// be downloaded (no internet, or its download site blocked, as it often is in China), says so in
// one line and points to what works instead, rather than ending in a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));

/** One line, both languages, as every refusal of the command-line tools. */
const NO_ELECTRON =
  'qinglang: 无法启动桌面应用：本机没有 Electron 程序文件（下载失败或被拦截），' +
  '可设置 ELECTRON_MIRROR 后重新安装（见 README），或运行 npm run browser 在浏览器中使用同一个应用 / ' +
  'the desktop app cannot start: Electron’s binary is not on this machine (its download failed ' +
  'or was blocked); set ELECTRON_MIRROR and install again (see the README), or run ' +
  'npm run browser to use the same app in a browser';

/** The binary the electron package points at, where it is on disk. */
function installedBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return require('electron');
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8'));
  return fs.existsSync(binary) ? binary : null;
}

let binary = installedBinary();
if (!binary) {
  // The package's own download, quietly: its failure is a stack trace nobody needs to read.
  console.error('qinglang: 正在下载 Electron… / downloading Electron…');
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore' });
  binary = installedBinary();
}
if (!binary) {
  console.error(NO_ELECTRON);
  process.exit(1);
}
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('error', () => {
  console.error(NO_ELECTRON);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
