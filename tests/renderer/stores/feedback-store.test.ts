import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../renderer/api/client';
import { useFeedbackStore } from '../../../renderer/stores/feedback-store';

describe('the status line', () => {
  beforeEach(() => useFeedbackStore.setState({ current: null }));

  it('shows the last thing that happened, replacing what was there', () => {
    useFeedbackStore.getState().show({ kind: 'error', text: '保存失败' });
    useFeedbackStore.getState().show({ kind: 'success', text: '已导出' });
    expect(useFeedbackStore.getState().current).toEqual({ kind: 'success', text: '已导出' });
  });

  it('shows a failed call in the words the Node side wrote', () => {
    const error = new ApiError({ code: 'storage-failed', message: '无法写入数据文件夹' });
    useFeedbackStore.getState().showError(error, '出错了');
    expect(useFeedbackStore.getState().current).toEqual({
      kind: 'error',
      text: '无法写入数据文件夹',
    });
  });

  it('shows the fallback for anything else, never a raw message', () => {
    useFeedbackStore.getState().showError(new TypeError('x is undefined'), '出错了');
    expect(useFeedbackStore.getState().current).toEqual({ kind: 'error', text: '出错了' });
    useFeedbackStore.getState().showError('a string', '出错了');
    expect(useFeedbackStore.getState().current?.text).toBe('出错了');
  });

  it('is emptied when dismissed', () => {
    useFeedbackStore.getState().show({ kind: 'success', text: '已保存' });
    useFeedbackStore.getState().clear();
    expect(useFeedbackStore.getState().current).toBeNull();
  });
});
