import { translateMessage } from '../../server/i18n';
import { checkCharacter, validateCreditCode } from '../../server/accounts/credit-code';

// Published codes of well-known companies (on their business licences).
const REAL = ['91350100M000100Y43', '91110000600037341L'];

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each(REAL)('accepts the valid code %s', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, code });
  });

  it('normalises full-width characters, spaces and lower case', () => {
    expect(validateCreditCode(' ９１３５０１００ｍ０００１００ｙ４３ ')).toEqual({
      ok: true,
      code: '91350100M000100Y43',
    });
  });

  it('names the expected check character when it is wrong', () => {
    const result = validateCreditCode('91350100M000100Y44');
    expect(result).toMatchObject({ ok: false, position: 18 });
    expect(!result.ok && translateMessage('zh-CN', result.message)).toContain('第18位校验码应为“3”');
  });

  it('names the position of a character that is never used', () => {
    const result = validateCreditCode('91350100M0001I0Y43');
    expect(result).toMatchObject({ ok: false, position: 14 });
    expect(!result.ok && translateMessage('zh-CN', result.message)).toContain('第14位字符“I”');
  });

  it('says how many characters were entered', () => {
    const result = validateCreditCode('9135010');
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && translateMessage('zh-CN', result.message)).toContain('您填写了7位');
  });

  it('recognises an old 15-digit registration number', () => {
    const result = validateCreditCode('110000000000001');
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && translateMessage('zh-CN', result.message)).toContain('15位工商注册号');
  });

  it('computes check characters that validate', () => {
    const body = '91320582MA1N0000' + 'X';
    const code = body + checkCharacter(body);
    expect(validateCreditCode(code).ok).toBe(true);
  });
});
