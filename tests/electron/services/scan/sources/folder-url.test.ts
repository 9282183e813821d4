import { describe, expect, it } from 'vitest';
import {
  folderUrlOf,
  relativeOfFolderUrl,
} from '../../../../../electron/services/scan/sources/folder-url';

describe('folder URLs', () => {
  it('percent-encodes each segment as a URL would, and reads it back', () => {
    const relative = '新闻/100% 通知#1?.html';
    const url = folderUrlOf(relative);
    expect(url).toBe(
      'http://folder.invalid/%E6%96%B0%E9%97%BB/100%25%20%E9%80%9A%E7%9F%A5%231%3F.html',
    );
    expect(relativeOfFolderUrl(url)).toBe(relative);
  });

  it('resolves a relative link between files to the file it names, query and fragment dropped', () => {
    const link = new URL('../img/校徽.png?v=2#top', folderUrlOf('新闻/通知.html')).href;
    expect(relativeOfFolderUrl(link)).toBe('img/校徽.png');
  });

  it('answers null for another host or escapes that are not UTF-8', () => {
    expect(relativeOfFolderUrl('https://example.com/a.html')).toBeNull();
    expect(relativeOfFolderUrl('http://folder.invalid/%FF.html')).toBeNull();
    expect(relativeOfFolderUrl('not a url')).toBeNull();
  });
});
