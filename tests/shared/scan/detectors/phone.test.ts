import { describe, expect, it } from 'vitest';
import { phoneNumbers } from '../../../../shared/scan/detectors/phone';
import { foldText } from '../../../../shared/scan/text/fold';
import { ID } from './id-fixtures';

const found = (text: string): string[] => phoneNumbers(foldText(text)).map((hit) => hit.raw);

describe('the phone detector', () => {
  it('finds mobile numbers standing alone', () => {
    expect(found('联系电话：13812345678。')).toEqual(['13812345678']);
    expect(found('手机 19912345678')).toEqual(['19912345678']);
    expect(found('tel:13812345678')).toEqual(['13812345678']);
    expect(found('13812345678 13987654321')).toEqual(['13812345678', '13987654321']);
  });

  it('finds numbers split 3-4-4 by spaces or dashes, and full-width digits', () => {
    expect(found('电话 138 1234 5678 谢谢')).toEqual(['138 1234 5678']);
    expect(found('电话 138-1234-5678')).toEqual(['138-1234-5678']);
    expect(found('电话 １３８１２３４５６７８')).toEqual(['13812345678']);
    expect(found('电话 １３８－１２３４－５６７８')).toEqual(['138-1234-5678']);
  });

  it('finds numbers after +86, 86 or 0086', () => {
    expect(found('+86 13812345678')).toEqual(['13812345678']);
    expect(found('+86-138-1234-5678')).toEqual(['138-1234-5678']);
    expect(found('+8613812345678')).toEqual(['13812345678']);
    expect(found('0086 138 1234 5678')).toEqual(['138 1234 5678']);
  });

  it('refuses segments not in use and wrong lengths', () => {
    expect(found('12812345678')).toEqual([]);
    expect(found('15412345678')).toEqual([]);
    expect(found('1381234567')).toEqual([]);
    expect(found('138 123 45678')).toEqual([]);
  });

  it('refuses numbers inside longer numbers or words', () => {
    expect(found('138123456789')).toEqual([]);
    expect(found('913812345678')).toEqual([]);
    expect(found('a13812345678')).toEqual([]);
    expect(found('138-1234-5678-9')).toEqual([]);
    expect(found('0.13812345678')).toEqual([]);
    expect(found(`身份证 ${ID}`)).toEqual([]);
  });

  it('refuses numbers in URLs, paths, query strings and e-mail addresses', () => {
    expect(found('http://school.cn/news?id=13812345678')).toEqual([]);
    expect(found('https://school.cn/13812345678/index.html')).toEqual([]);
    expect(found('/uploads/13812345678.jpg')).toEqual([]);
    expect(found('邮箱 13812345678@qq.com')).toEqual([]);
    expect(found('C:\\photos\\13812345678')).toEqual([]);
    expect(found('a=1&b=13812345678')).toEqual([]);
  });

  it('refuses numbers right after words that say they are something else', () => {
    expect(found('订单编号：13812345678')).toEqual([]);
    expect(found('单号 13812345678')).toEqual([]);
    expect(found('No. 13812345678')).toEqual([]);
    expect(found('ID:13812345678')).toEqual([]);
    expect(found('QQ 13812345678')).toEqual([]);
    expect(found('paid 13812345678')).toEqual(['13812345678']);
  });
});
