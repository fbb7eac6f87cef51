/**
 * `medcom-gop/facts`: what a plan says in dates — the facts of a report (computeFacts), the rehabilitation deadline
 * read from its text, Danish public holidays and working days.
 */
export { FactsSchema, computeFacts, type Facts, type FactOptions } from './facts';
export { QualityStandardSchema, type QualityStandard } from './quality-standard';
export { localDate } from '../values/local-date';
export { interpretDeadline, type DeadlineInterpretation, type DeadlineKind, type DeadlineOptions } from './deadline';
export {
  danishPublicHolidays,
  addDanishWorkingDays,
  isDanishWorkingDay,
  isDanishPublicHoliday,
  type DanishHoliday,
} from './holidays';
