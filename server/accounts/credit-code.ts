// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (no I,
// O, Z, S, V); the 18th is a check character over the first 17 with weights
// 3^i mod 31.
import type { Message } from '../i18n';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeResult =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly message: Message; readonly position?: number };

/** Full-width to half-width, upper case, spaces removed: what people paste from a licence. */
export function normaliseCreditCode(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s-]+/g, '')
    .toUpperCase();
}

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return CHARSET[(31 - (sum % 31)) % 31];
}

export function validateCreditCode(input: string): CreditCodeResult {
  const code = normaliseCreditCode(input);
  if (code.length === 15 && /^\d{15}$/.test(code)) {
    return {
      ok: false,
      message: { key: 'account.error.oldRegistrationNumber' },
    };
  }
  if (code.length !== 18) {
    return {
      ok: false,
      message: { key: 'account.error.creditCodeLength', params: { n: code.length } },
    };
  }
  for (let i = 0; i < 18; i += 1) {
    if (!CHARSET.includes(code[i])) {
      return {
        ok: false,
        position: i + 1,
        message: { key: 'account.error.creditCodeCharacter', params: { position: i + 1, char: code[i] } },
      };
    }
  }
  const expected = checkCharacter(code.slice(0, 17));
  if (code[17] !== expected) {
    return {
      ok: false,
      position: 18,
      message: { key: 'account.error.creditCodeCheck', params: { expected, actual: code[17] } },
    };
  }
  return { ok: true, code };
}
