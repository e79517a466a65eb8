/**
 * Every lint rule, in the order the documentation lists them: the Art. 13/14 table top to bottom,
 * then transfers, vague wording, translations and suppression comments.
 */
import { invalidSuppression, unusedSuppression } from '../check-suppressions.js';
import type { LintRule, RuleMeta } from '../types.js';
import { adequacyScope } from './adequacy-scope.js';
import { adequacyStatement } from './adequacy-statement.js';
import { automatedDecisions } from './automated-decisions.js';
import { categoriesArt14 } from './categories-art14.js';
import { checkRegularly } from './check-regularly.js';
import { complaintRight } from './complaint-right.js';
import { controllerIdentity } from './controller-identity.js';
import { dataSource } from './data-source.js';
import { dpoContact } from './dpo-contact.js';
import { euRepresentative } from './eu-representative.js';
import { factsInText } from './facts-in-text.js';
import { legitimateInterests } from './legitimate-interests.js';
import { phrasePackUnchecked } from './phrase-pack-unchecked.js';
import { purposeLegalBasis } from './purpose-legal-basis.js';
import { purposeVague } from './purpose-vague.js';
import { recipientsSpecific } from './recipients-specific.js';
import { requirementToProvide } from './requirement-to-provide.js';
import { retentionVague } from './retention-vague.js';
import { recipientsStated } from './recipients-stated.js';
import { retentionStated } from './retention-stated.js';
import { rightsListed } from './rights-listed.js';
import { safeguardCopy } from './safeguard-copy.js';
import { specialCategoryBasis } from './special-category-basis.js';
import { transferSafeguard } from './transfer-safeguard.js';
import { todoLeft } from './todo-left.js';
import { transfersSection } from './transfers-section.js';
import { translationMissing } from './translation-missing.js';
import { translationStale } from './translation-stale.js';
import { translationUnreviewed } from './translation-unreviewed.js';
import { unusedCategory } from './unused-category.js';
import { versionStated } from './version-stated.js';
import { withdrawConsent } from './withdraw-consent.js';

/** The rules with a check of their own. */
export const CHECKED_RULES: readonly LintRule[] = [
  controllerIdentity,
  euRepresentative,
  dpoContact,
  purposeLegalBasis,
  legitimateInterests,
  specialCategoryBasis,
  unusedCategory,
  categoriesArt14,
  recipientsStated,
  recipientsSpecific,
  transfersSection,
  transferSafeguard,
  adequacyStatement,
  adequacyScope,
  safeguardCopy,
  retentionStated,
  retentionVague,
  rightsListed,
  withdrawConsent,
  complaintRight,
  requirementToProvide,
  dataSource,
  automatedDecisions,
  purposeVague,
  checkRegularly,
  versionStated,
  factsInText,
  translationMissing,
  translationStale,
  translationUnreviewed,
  phrasePackUnchecked,
  todoLeft,
];

/** All rules: the checked ones, then the engine's checks of suppression comments. */
export const RULES: readonly RuleMeta[] = [...CHECKED_RULES, invalidSuppression, unusedSuppression];

/** The rule with an id, if any. */
export function ruleById(id: string): RuleMeta | undefined {
  return RULES.find((r) => r.id === id);
}
