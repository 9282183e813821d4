import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App';
import { initI18n } from '../../../renderer/i18n/i18n';
import { useAppStore } from '../../../renderer/stores/app-store';
import { useFeedbackStore } from '../../../renderer/stores/feedback-store';
import { installFakeApi } from '../fake-api';

async function start(options?: Parameters<typeof installFakeApi>[0]) {
  const fake = installFakeApi(options);
  useAppStore.setState({ info: null, settings: null, dismissedNotices: false });
  useFeedbackStore.setState({ current: null });
  await useAppStore.getState().load();
  await initI18n(useAppStore.getState().settings?.language);
  render(<App />);
  return fake;
}

describe('the app shell', () => {
  beforeEach(() => {
    window.location.hash = '';
  });

  it('opens in Chinese with the five areas in the navigation', async () => {
    await start();
    expect(document.documentElement.lang).toBe('zh-CN');
    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['检查', '整改', '汇总', '模板', '设置']);
    expect(await screen.findByRole('heading', { level: 1, name: '检查' })).toBeInTheDocument();
    expect(screen.getByText('还没有检查记录。')).toBeInTheDocument();
  });

  it('switches to English through the Node side and marks the page lang', async () => {
    const fake = await start();
    await userEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Inspections' }),
    ).toBeInTheDocument();
    expect(fake.invoke).toHaveBeenCalledWith('settings:set', { language: 'en-US' });
    expect(fake.settings().language).toBe('en-US');
    expect(document.documentElement.lang).toBe('en-US');
    await i18next.changeLanguage('zh-CN');
  });

  it('shows the message the Node side wrote when saving the language fails', async () => {
    await start({
      answers: {
        'settings:set': () => ({
          ok: false,
          error: {
            code: 'storage-failed',
            message: '无法写入数据文件夹，请检查磁盘空间和文件夹权限后重试。',
          },
        }),
      },
    });
    await userEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('status')).toHaveTextContent('无法写入数据文件夹');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByRole('radio', { name: '中文' })).toBeChecked();
  });

  it('tells the user when a damaged settings file was kept aside', async () => {
    await start({
      info: {
        notices: [
          { kind: 'quarantined', file: 'settings.json', keptAs: 'settings.corrupt-2026.json' },
        ],
      },
    });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('settings.json');
    expect(alert).toHaveTextContent('settings.corrupt-2026.json');
    await userEvent.click(within(alert).getByRole('button', { name: '知道了' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the data folder and log file in Settings', async () => {
    window.location.hash = '#/settings';
    await start();
    expect(screen.getByRole('heading', { level: 1, name: '设置' })).toBeInTheDocument();
    expect(screen.getByText('C:\\Users\\it\\AppData\\Roaming\\qinglang')).toBeInTheDocument();
    expect(screen.getByText(/logs\\qinglang\.log$/)).toBeInTheDocument();
    expect(screen.getByText('桌面应用')).toBeInTheDocument();
  });

  it('marks the browser harness so nobody mistakes it for the installed app', async () => {
    await start({ info: { shell: 'browser' } });
    expect(screen.getByText(/浏览器测试模式/)).toBeInTheDocument();
  });
});

describe('the first run', () => {
  it('asks for the school profile, checks it field by field, and saves it to settings', async () => {
    const fake = await start({ settings: {} });
    const dialog = await screen.findByRole('dialog', { name: '欢迎使用清朗校园网络安全检查' });
    await userEvent.click(within(dialog).getByRole('button', { name: '保存并开始' }));
    expect(within(dialog).getAllByRole('alert').length).toBeGreaterThanOrEqual(3);
    expect(fake.invoke).not.toHaveBeenCalledWith('settings:set', expect.anything());

    await userEvent.type(within(dialog).getByLabelText(/学校名称/), '北京市示例中学');
    await userEvent.type(within(dialog).getByLabelText(/学校标识码/), '11 00');
    await userEvent.type(within(dialog).getByLabelText(/所属区县/), '示例区');
    await userEvent.type(within(dialog).getByLabelText(/检查人/), '李老师');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存并开始' }));
    expect(await within(dialog).findByText('应为 4–32 位数字、字母或“-”')).toBeInTheDocument();

    await userEvent.clear(within(dialog).getByLabelText(/学校标识码/));
    await userEvent.type(within(dialog).getByLabelText(/学校标识码/), '1101010001');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存并开始' }));
    await expect.poll(() => fake.settings().profile?.name).toBe('北京市示例中学');
    expect(fake.settings().inspector).toBe('李老师');
    expect(fake.settings().profile?.code).toBe('1101010001');
  });
});
