// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (no I,
// O, Z, S, V); the 18th is a check character over the first 17 with weights
// 3^i mod 31.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeResult =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly message: string; readonly position?: number };

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
      message:
        '这是旧的15位工商注册号，请填写营业执照上的18位统一社会信用代码。This is an old 15-digit registration number: enter the 18-character unified social credit code.',
    };
  }
  if (code.length !== 18) {
    return {
      ok: false,
      message: `统一社会信用代码应为18位，您填写了${code.length}位。The code has 18 characters; you entered ${code.length}.`,
    };
  }
  for (let i = 0; i < 18; i += 1) {
    if (!CHARSET.includes(code[i])) {
      return {
        ok: false,
        position: i + 1,
        message: `第${i + 1}位字符“${code[i]}”不是有效字符（代码中不使用字母I、O、Z、S、V）。Character ${i + 1} (“${code[i]}”) is not allowed (I, O, Z, S and V are never used).`,
      };
    }
  }
  const expected = checkCharacter(code.slice(0, 17));
  if (code[17] !== expected) {
    return {
      ok: false,
      position: 18,
      message: `第18位校验码应为“${expected}”而不是“${code[17]}”，请对照营业执照核对每一位。The check character (18th) should be “${expected}”, not “${code[17]}”: compare each character with the business licence.`,
    };
  }
  return { ok: true, code };
}
