/**
 * The processing sections of a notice's view: purposes (a list, or a table with data, legal bases
 * and retention), categories, sources, legal bases by purpose and retention.
 */
import type { Notice } from '../notice.js';
import { formatDuration } from '../format.js';
import type { ViewContext } from './context.js';
import type { Block, ListItem, TableRow } from './types.js';

type Purpose = Notice['purposes'][number];
type LegalBasis = NonNullable<Purpose['legalBases']>[number];
type RetentionRule = NonNullable<Notice['retention']>['rules'][number];

/** Whether the purposes are printed as a table (then retention rules naming purposes go in their rows). */
export function purposeTable(notice: Notice): boolean {
  return (notice.layouts?.purposes ?? notice.layout) === 'table';
}

/** Add the purposes, categories, sources, legal bases and retention sections. */
export function addProcessing(ctx: ViewContext): void {
  const { notice, t, p, esc, sep, locale, add } = ctx;
  const purposeName = new Map(notice.purposes.map((pu) => [pu.id, t(pu.description) ?? pu.id]));
  const categoryLabel = new Map(notice.categories.map((c) => [c.id, t(c.label) ?? c.id]));
  const table = purposeTable(notice);

  // One legal basis as the notice states it, and a purpose's legitimate interests.
  const basisLine = (basis: LegalBasis): string => {
    const [article, paragraph, point] = basis.gdpr.match(/\d+|[a-z]/g) ?? [];
    const citation = ctx.citationOf(basis.gdpr, basis.id);
    const statement = t(basis.statement) ?? p(`legalBasis.names.a${article}p${paragraph}${point}`);
    const law = t(basis.law);
    const key = law ? 'legalBasis.itemLaw' : basis.gdpr === '6(1)(f)' ? 'legalBasis.itemLegitimate' : 'legalBasis.item';
    return ctx.scoped(basis.appliesTo, p(key, { statement, citation, law, legitimateInterestsLabel: p('legalBasis.legitimateInterestsLabel') }, basis.id));
  };
  const interestsLine = (pu: Purpose): string | undefined =>
    t(pu.legitimateInterests) ? p('legalBasis.legitimateInterests', { interests: t(pu.legitimateInterests), purpose: purposeName.get(pu.id) }, pu.id) : undefined;
  // Retention rules that name purposes belong to those purposes in the table layout.
  const retentionLine = (rule: RetentionRule, withScope: boolean): string => {
    const parts: string[] = [];
    if (rule.period) {
      const categories = (rule.categories ?? []).map((id) => categoryLabel.get(id) ?? id);
      const scope = withScope ? [...categories, ...(rule.purposes ?? []).map((id) => purposeName.get(id)?.replace(/\.$/, '') ?? id)] : categories;
      const trigger = t(rule.trigger) ? p('retention.trigger', { trigger: t(rule.trigger) }, rule.id) : '';
      const period = esc(formatDuration(rule.period, locale));
      parts.push(scope.length ? p('retention.period', { what: scope.join(sep), period, trigger }, rule.id) : p(withScope ? 'retention.periodAll' : 'retention.periodOnly', { period, trigger }, rule.id));
    } else if (t(rule.trigger)) parts.push(t(rule.trigger)!);
    if (t(rule.criteria)) parts.push(t(rule.criteria)!);
    if (t(rule.law)) parts.push(p('retention.law', { law: t(rule.law) }, rule.id));
    return ctx.scoped(rule.appliesTo, parts.join(' '));
  };
  const described = (pu: Purpose) => ctx.scoped(pu.appliesTo, t(pu.description) ?? '');

  if (table) {
    const rows: TableRow[] = notice.purposes.map((pu) => {
      const interests = interestsLine(pu);
      const rules = (notice.retention?.rules ?? []).filter((r) => r.purposes?.includes(pu.id));
      return {
        id: pu.id,
        cells: [
          described(pu),
          (pu.categories ?? []).map((id) => categoryLabel.get(id) ?? id).join(sep),
          [...(pu.legalBases ?? []).map(basisLine), ...(interests ? [interests] : [])].join(' '),
          rules.map((r) => retentionLine(r, false)).join(' '),
        ],
      };
    });
    add('purposes', 'purposes', p('headings.purposes'), [
      { type: 'paragraph', md: p('purposes.intro') },
      {
        type: 'table',
        head: [p('purpose.column.purpose'), p('purpose.column.data'), p('purpose.column.legalBasis'), p('purpose.column.retention')],
        rows,
        fallback: notice.purposes.map((pu) => ({ id: pu.id, md: described(pu) })),
        markdownTable: true,
      },
    ]);
  } else {
    add('purposes', 'purposes', p('headings.purposes'), [
      { type: 'paragraph', md: p('purposes.intro') },
      { type: 'list', items: notice.purposes.map((pu) => ({ id: pu.id, md: described(pu) })) },
    ]);
  }

  const items: ListItem[] = notice.categories.map((cat) => {
    const label = t(cat.label) ?? '';
    const condition = t(cat.condition);
    return { id: cat.id, md: condition ? p('category.withCondition', { label, condition }, cat.id) : label };
  });
  add('categories', 'categories', p('headings.categories'), [{ type: 'paragraph', md: p('categories.intro') }, { type: 'list', items }]);

  if (notice.sources?.length) {
    add('sources', 'sources', p('headings.sources'), [
      { type: 'paragraph', md: p('sources.intro') },
      { type: 'list', items: notice.sources.map((source) => ({ id: source.id, md: t(source.description) ?? '' })) },
    ]);
  }

  if (!table) {
    // Legal bases by purpose: each purpose that states one, with its bases and legitimate interests.
    const stated = notice.purposes.filter((pu) => (pu.legalBases ?? []).length > 0 || interestsLine(pu));
    const blocks: Block[] = [{ type: 'paragraph', md: p('legalBases.intro') }];
    for (const pu of stated) {
      if (stated.length > 1) blocks.push({ type: 'paragraph', md: p('legalBasis.forPurpose', { purpose: purposeName.get(pu.id) }, pu.id) });
      blocks.push({ type: 'list', items: (pu.legalBases ?? []).map((basis) => ({ id: basis.id, md: basisLine(basis) })) });
      const interests = interestsLine(pu);
      if (interests) blocks.push({ type: 'paragraph', md: interests });
    }
    if (stated.length > 0) add('legalBases', 'legal-bases', p('headings.legalBases'), blocks);
  }

  if (notice.retention) {
    const r = notice.retention;
    // In the table layout, a rule that names purposes is printed in their rows.
    const rules = table ? r.rules.filter((rule) => !rule.purposes?.length) : r.rules;
    add('retention', r.id, p('headings.retention'), rules.map((rule): Block => ({ type: 'paragraph', id: rule.id, md: retentionLine(rule, true) })));
  }
}
