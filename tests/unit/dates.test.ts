// Dates are formatted in China time by one formatter per locale and style: a
// new Intl.DateTimeFormat per call kept memory the engine never returned.
import { dateFormatter, formatDate, formatDateTime } from '../../server/lib/dates';

describe('dates', () => {
  it('reuses one formatter per locale and style', () => {
    expect(dateFormatter('zh-CN', 'date')).toBe(dateFormatter('zh-CN', 'date'));
    expect(dateFormatter('zh-CN', 'date')).not.toBe(dateFormatter('en-GB', 'date'));
  });

  it('formats in China time, so a submission at 17:30 UTC falls on the next day', () => {
    const at = new Date('2026-11-26T17:30:00.000Z');
    expect(formatDate(at, 'zh-CN')).toBe('2026年11月27日');
    expect(formatDate(at, 'en')).toBe('27 November 2026');
    expect(formatDateTime(at, 'zh-CN')).toBe('2026年11月27日 01:30');
  });

  it('keeps memory flat over many formats (no formatter per call)', () => {
    const before = dateFormatter('zh-CN', 'dateTime');
    for (let i = 0; i < 10_000; i++) formatDateTime(new Date(i * 86_400_000), 'zh-CN');
    expect(dateFormatter('zh-CN', 'dateTime')).toBe(before);
  });
});
