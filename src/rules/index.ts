import type { Rule } from './rule';
import { INPUT_001 } from '../xml/diagnostics/input-001-not-well-formed';
import { INPUT_002 } from '../xml/diagnostics/input-002-doctype';
import { INPUT_003 } from '../input/diagnostics/input-003-encoding';
import { INPUT_004 } from '../input/diagnostics/input-004-limits';
import { INPUT_005 } from '../read/diagnostics/input-005-not-ggop';
import { INPUT_006 } from '../read/diagnostics/input-006-vans';
import { INPUT_007 } from '../xml/diagnostics/input-007-reserved-name';
import { INPUT_008 } from '../read/diagnostics/input-008-too-many-findings';
import { INPUT_009 } from '../read/diagnostics/input-009-internal-error';
import { STRUCT_001 } from '../model/diagnostics/struct-001-missing';
import { STRUCT_002 } from '../model/diagnostics/struct-002-repeated';
import { STRUCT_003 } from '../model/diagnostics/struct-003-unknown';
import { STRUCT_004 } from '../model/diagnostics/struct-004-empty';
import { STRUCT_005 } from '../model/diagnostics/struct-005-wrong-type';
import codeLists from './catalogue/code-001-code-lists';
import formatCodes from './catalogue/format-006-codes';
import formatContact from './catalogue/format-005-contact';
import formatCpr from './catalogue/format-003-cpr';
import formatDate from './catalogue/format-001-date';
import formatEan from './catalogue/format-004-ean';
import formatTime from './catalogue/format-002-time';
import lawAbility from './catalogue/law-002-ability';
import lawAuthorisedLate from './catalogue/law-010-authorised-late';
import lawChronology from './catalogue/law-013-chronology';
import lawConsent from './catalogue/law-006-consent';
import lawContacts from './catalogue/law-005-contacts';
import lawDeadlineBeforeDischarge from './catalogue/law-009-deadline-before-discharge';
import lawDeadlineUnreadable from './catalogue/law-008-deadline-unreadable';
import lawGp from './catalogue/law-007-gp';
import lawLevel from './catalogue/law-001-level';
import lawNeed from './catalogue/law-003-need';
import lawNoDischarge from './catalogue/law-011-no-discharge';
import lawOldRegime from './catalogue/law-012-old-regime';
import lawTotal from './catalogue/law-004-total';

/** Bumped whenever a rule is added, removed or changes what it finds. */
export const RULESET_VERSION = '2026.11.4';

/** The catalogue: every rule, in the order reports list layers. Adding a rule = one module + one line here. */
export const rules: readonly Rule[] = [
  // The reader's rules: metadata and docs only, detected while reading.
  INPUT_001,
  INPUT_002,
  INPUT_003,
  INPUT_004,
  INPUT_005,
  INPUT_006,
  INPUT_007,
  INPUT_008,
  INPUT_009,
  STRUCT_001,
  STRUCT_002,
  STRUCT_003,
  STRUCT_004,
  STRUCT_005,
  formatDate,
  formatTime,
  formatCpr,
  formatEan,
  formatContact,
  formatCodes,
  codeLists,
  lawLevel,
  lawAbility,
  lawNeed,
  lawTotal,
  lawContacts,
  lawConsent,
  lawGp,
  lawDeadlineUnreadable,
  lawDeadlineBeforeDischarge,
  lawAuthorisedLate,
  lawNoDischarge,
  lawOldRegime,
  lawChronology,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));
export type { Rule, RuleContext } from './rule';
