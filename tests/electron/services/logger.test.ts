import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, LOG_ARCHIVES_KEPT, rotate } from '../../../electron/services/logger';
import { useTempDir } from '../temp-dir';

describe('the file logger', () => {
  const tempDir = useTempDir();

  it('writes events with their fields to logs/qinglang.log in the data folder', () => {
    const dir = tempDir();
    const log = createFileLogger(dir);
    log.info('settings.saved', { keys: 'language' });
    log.error('ipc.handler-failed', new Error('boom'), { channel: 'settings:set' });
    expect(log.file).toBe(path.join(dir, 'logs', 'qinglang.log'));
    const text = fs.readFileSync(log.file, 'utf8');
    expect(text).toMatch(/\[info\]\s+settings\.saved \{"keys":"language"\}/);
    expect(text).toMatch(
      /\[error\]\s+ipc\.handler-failed \{"channel":"settings:set"\}\nError: boom/,
    );
  });

  it('never writes personal data, in the event, the fields or the error', () => {
    const dir = tempDir();
    const log = createFileLogger(dir);
    log.error('renderer.error', new Error('at C:\\Users\\Zhang\\x.js for 13800138000'), {
      message: '张三 it@school.cn',
      stack: 'at file:///C:/Users/Zhang/app/index.js:1:1',
    });
    const text = fs.readFileSync(log.file, 'utf8');
    expect(text).toMatch(/renderer\.error/);
    expect(text).not.toMatch(/Zhang|13800138000|张三|it@school/);
  });

  it('keeps five archives and drops the oldest', () => {
    const dir = tempDir();
    const file = path.join(dir, 'qinglang.log');
    for (let n = 1; n <= LOG_ARCHIVES_KEPT + 2; n++) {
      fs.writeFileSync(file, `generation ${n}`);
      rotate(file);
    }
    const names = fs.readdirSync(dir).sort();
    expect(names).toEqual([
      'qinglang.1.log',
      'qinglang.2.log',
      'qinglang.3.log',
      'qinglang.4.log',
      'qinglang.5.log',
    ]);
    expect(fs.readFileSync(path.join(dir, 'qinglang.1.log'), 'utf8')).toBe('generation 7');
    expect(fs.readFileSync(path.join(dir, 'qinglang.5.log'), 'utf8')).toBe('generation 3');
  });

  it('rotates by itself once the log passes its size limit', () => {
    const dir = tempDir();
    const log = createFileLogger(dir);
    const big = 'x'.repeat(200_000);
    for (let n = 0; n < 8; n++) log.info('filler', { big });
    const names = fs.readdirSync(path.dirname(log.file));
    expect(names).toContain('qinglang.1.log');
    expect(fs.statSync(log.file).size).toBeLessThan(1024 * 1024 + 300_000);
  });
});
