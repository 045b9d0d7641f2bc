// The reader-language value beside each code in the answers export (符合 beside
// compliant, 小型 beside small, C 制造业's name beside C, the item's title beside
// its code), as SQL CASE expressions so COPY and the batch path give the same
// bytes. Times are China time with the offset written out.
import type { Catalogue } from '../catalogue/catalogue';
import { INDUSTRY_SECTIONS, ORG_SIZES } from '../domain/organisation';
import { ANSWER_STATUSES } from '../domain/answer-status';
import { translate } from '../i18n';
import type { ExportLang } from './export-labels';

/** Values follow the asked language; a bilingual export gives Chinese values (the codes carry the rest). */
const valueLang = (lang: ExportLang): 'zh-CN' | 'en' => (lang === 'en' ? 'en' : 'zh-CN');

const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** case <column> when 'a' then 'A' ... else <column> end: an unknown code is shown as stored. */
function caseOf(column: string, names: ReadonlyMap<string, string>): string {
  if (names.size === 0) return column;
  const whens = [...names].map(([code, name]) => `when ${lit(code)} then ${lit(name)}`).join(' ');
  return `case ${column} ${whens} else ${column} end`;
}

function statusNames(lang: ExportLang): Map<string, string> {
  return new Map(ANSWER_STATUSES.map((s) => [s, translate(valueLang(lang), `report.status.${s}`)]));
}

function sizeNames(lang: ExportLang): Map<string, string> {
  return new Map(ORG_SIZES.map((s) => [s, translate(valueLang(lang), `reg.size.${s}`)]));
}

const industryNames = (): Map<string, string> => new Map(Object.entries(INDUSTRY_SECTIONS));

function itemTitles(catalogue: Catalogue | undefined): Map<string, string> {
  return new Map(catalogue ? catalogue.domains.flatMap((d) => d.items.map((i) => [i.code, i.title] as const)) : []);
}

/** China has kept UTC+8 all year since 1992: the offset is written as such. */
export const CHINA_TIME_SQL = `to_char(s.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"')`;

/** The name columns as SQL select items, in ANSWER_COLUMNS' names. */
export function nameColumnsSql(catalogue: Catalogue | undefined, lang: ExportLang): Record<string, string> {
  return {
    industry_name: `${caseOf('s.industry', industryNames())} as industry_name`,
    size_name: `${caseOf('s.size', sizeNames(lang))} as size_name`,
    item_title: `${caseOf('a.item_code', itemTitles(catalogue))} as item_title`,
    status_name: `${caseOf('a.status', statusNames(lang))} as status_name`,
  };
}
