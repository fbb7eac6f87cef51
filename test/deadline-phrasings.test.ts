/*
 * An independent oracle for the free-text start deadline (RehabilitationDeadline): Danish phrasings the way
 * therapists, doctors and secretaries write them, each with the result the specification (the "readings") means.
 *
 * Every expected date is computed by hand from the readings, not from what src/facts/deadline.ts returns; weekdays
 * and ISO weeks were double-checked against a calendar. All people and dates are made up.
 *
 * Calendar facts the rows lean on:
 *   2019-03-04 Mon (ISO week 10), 2019-03-05 Tue, 2019-03-08 Fri, 2019-03-10 Sun, week 11 = 11–17 Mar,
 *   week 12 = 18–24 Mar, week 14 = 1–7 Apr 2019.
 *   Easter 2019: skærtorsdag 18/4, langfredag 19/4, påskedag 21/4, 2. påskedag 22/4; store bededag 17/5;
 *   Kristi himmelfart 30/5; 2. pinsedag 10/6 (grundlovsdag 5/6 is a working day here).
 *   Easter 2020: 9/4, 10/4, 13/4. Easter 2024: 28/3, 29/3, 1/4; no store bededag from 2024 (would be 26/4);
 *   Kristi himmelfart 2024 9/5. Store bededag 2023 5/5.
 *   2019-12-23 Mon; 24/12 and 31/12 are working days; ISO week 1 of 2020 = 30 Dec 2019 – 5 Jan 2020,
 *   week 2 = 6–12 Jan 2020; 2020 has an ISO week 53 (28 Dec 2020 – 3 Jan 2021).
 *
 * A row's `kind` may be a list when the readings leave the kind open (see the note on the row); every other field
 * is exact. `asksLaterStart` is asserted only where the row states it.
 */
import { describe, expect, it } from 'vitest';
import { interpretDeadline } from '../src/facts/deadline';
import {
  ASAP,
  abs,
  D,
  day,
  earliest,
  hour,
  month,
  NONE,
  P,
  rel,
  type Row,
  UNREADABLE,
  UNREADABLE_LATER,
  week,
  workingDay,
} from './deadline-harness';
import { runTable } from './deadline-harness';

// ---------------------------------------------------------------------------------------------------------------
// deadline-date: a date as the latest start

const DEADLINE_DATE: Row[] = [
  ['senest 12.03.2019', D, P, abs('2019-03-12')],
  ['12.03.2019', D, P, abs('2019-03-12')],
  ['12.3.19', D, P, abs('2019-03-12')],
  ['12/3-2019', D, P, abs('2019-03-12')],
  ['12/03/2019', D, P, abs('2019-03-12')],
  ['2019-03-12', D, P, abs('2019-03-12')],
  ['12. marts 2019', D, P, abs('2019-03-12')],
  ['12 mar. 2019', D, P, abs('2019-03-12')],
  ['Senest d. 12/3', D, P, abs('2019-03-12')], // no year: next 12 March on or after discharge
  ['senest 12.03', D, P, abs('2019-03-12')],
  ['Senest 12.03.2019.', D, P, abs('2019-03-12')],
  ['SENEST 12.03.2019', D, P, abs('2019-03-12')],
  ['Senest den 20. marts 2019', D, P, abs('2019-03-20')],
  ['senest 20/3', D, P, abs('2019-03-20')],
  ['senest d. 5. april', D, P, abs('2019-04-05')],
  ['senest 5.3', D, P, abs('2019-03-05')], // the discharge day itself is "on or after"
  ['Senest 2.4.2019', D, P, abs('2019-04-02')],
  ['senest 1. april 2019', D, P, abs('2019-04-01')],
  ['inden 20.03.2019', D, P, abs('2019-03-19')], // inden + date: the day before
  ['Inden d. 1/4-2019', D, P, abs('2019-03-31')],
  ['før 20.03.2019', D, P, abs('2019-03-19')],
  ['opstart inden 15. april 2019', D, P, abs('2019-04-14')],
  ['inden 1.1.2020', '2019-12-20', '2019-12-19', abs('2019-12-31')],
  ['ikke senere end 22.03.2019', D, P, abs('2019-03-22')],
  ['Opstart senest 15.03.2019', D, P, abs('2019-03-15')],
  ['max 15.03.2019', D, P, abs('2019-03-15')],
  ['maks. 15.03.2019', D, P, abs('2019-03-15')],
  ['Frist: 14.03.2019', D, P, abs('2019-03-14')],
  ['Tidsfrist 14/3-19', D, P, abs('2019-03-14')],
  ['Genoptræning skal påbegyndes senest 18.03.2019', D, P, abs('2019-03-18')],
  ['Genoptræningen bør være i gang senest 25.03.2019', D, P, abs('2019-03-25')],
  ['Borgeren skal starte træning senest d. 19/3-2019', D, P, abs('2019-03-19')],
  ['senest fredag d. 22.03.2019', D, P, abs('2019-03-22')], // 22 March 2019 is a Friday
  ['Senest mandag den 11. marts 2019', D, P, abs('2019-03-11')],
  ['senest tirsdag d. 12.03.19', D, P, abs('2019-03-12')],
  ['senest torsdag d. 21.03.2019', D, P, abs('2019-03-21')],
  ['senest onsdag den 3. april 2019', D, P, abs('2019-04-03')],
  ['senest 6/1', '2019-12-20', '2019-12-19', abs('2020-01-06')], // no year, across new year
  ['senest 29.02.2020', '2020-02-20', '2020-02-19', abs('2020-02-29')], // leap day
  ['senest 29/2', '2020-02-20', '2020-02-19', abs('2020-02-29')],
  ['24.12.2018', undefined, undefined, abs('2018-12-24')], // a full date needs no discharge date
  ['senest 12. mar.', D, P, abs('2019-03-12')],
  ['senest 1. apr. 2019', D, P, abs('2019-04-01')],
  ['senest d. 1/4', D, P, abs('2019-04-01')],
  ['inden d. 12/3', D, P, abs('2019-03-11')],
  ['ikke senere end d. 1. april', D, P, abs('2019-04-01')],
  ['senest 3. januar', '2019-12-20', '2019-12-19', abs('2020-01-03')],
  ['senest 31/12', '2019-12-20', '2019-12-19', abs('2019-12-31')],
  ['inden 1/1', '2019-12-20', '2019-12-19', abs('2019-12-31')],
  ['senest fredag den 22/3', D, P, abs('2019-03-22')],
  ['Senest d. 12-03-2019', D, P, abs('2019-03-12')], // ambiguous: dd-mm-yyyy is not in the readings' list of forms
  ['senest 12. marts', D, P, abs('2019-03-12')],
];

// ---------------------------------------------------------------------------------------------------------------
// deadline-period: a period after discharge as the latest start

const DEADLINE_PERIOD: Row[] = [
  ['inden for 7 dage', D, P, rel('2019-03-12', { period: day(7) })],
  ['indenfor 7 dage', D, P, rel('2019-03-12')],
  ['inden 7 dage', D, P, rel('2019-03-12')],
  ['INDEN FOR 7 DAGE', D, P, rel('2019-03-12')],
  ['senest 14 dage efter udskrivelsen', D, P, rel('2019-03-19', { period: day(14) })],
  ['senest 14 dage efter udskrivning', D, P, rel('2019-03-19')],
  ['14 dage', D, P, rel('2019-03-19')],
  ['5 dage', D, P, rel('2019-03-10')],
  ['Frist: 5 dage', D, P, rel('2019-03-10')],
  ['Genoptræningen skal være i gang senest 10 dage efter udskrivelsen', D, P, rel('2019-03-15')],
  ['Genoptræningen skal påbegyndes senest 14 dage efter udskrivelsen', D, P, rel('2019-03-19')],
  ['Patienten bør starte genoptræning indenfor 1 uge', D, P, rel('2019-03-12')],
  ['Træningen anbefales opstartet inden for 14 dage', D, P, rel('2019-03-19')],
  ['om 2 uger', D, P, rel('2019-03-19', { period: week(2), earliestStart: '2019-03-19', asksLaterStart: true })], // a named start: both
  ['Opstart om 14 dage', D, P, rel('2019-03-19', { earliestStart: '2019-03-19', asksLaterStart: true })], // a named start: both
  ['inden for en uge', D, P, rel('2019-03-12')],
  ['indenfor to uger', D, P, rel('2019-03-19')],
  ['senest tre uger efter udskrivelse', D, P, rel('2019-03-26')],
  ['inden for fire uger', D, P, rel('2019-04-02')],
  ['senest én uge efter udskrivelse', D, P, rel('2019-03-12')],
  ['max 10 dage', D, P, rel('2019-03-15')],
  ['maks. 10 dage efter udskrivelsen', D, P, rel('2019-03-15')],
  ['ikke senere end 14 dage efter udskrivelse', D, P, rel('2019-03-19')],
  ['inden for 1 måned', D, P, rel('2019-04-05', { period: month(1) })],
  ['senest 2 måneder efter udskrivelsen', D, P, rel('2019-05-05')],
  ['senest 3 mdr. efter udskrivelse', D, P, rel('2019-06-05')],
  ['inden for 1 mnd', D, P, rel('2019-04-05')],
  ['inden for 48 timer', D, P, rel('2019-03-07', { period: hour(48) })],
  ['inden for 36 timer', D, P, rel('2019-03-07')], // 1.5 days rounds up to 2
  ['indenfor 24 timer', D, P, rel('2019-03-06')],
  ['inden for 72 timer efter udskrivelse', D, P, rel('2019-03-08')],
  ['inden for 3 døgn', D, P, rel('2019-03-08', { period: day(3) })],
  ['inden for et døgn', D, P, rel('2019-03-06')],
  ['senest 10 kalenderdage efter udskrivelsen', D, P, rel('2019-03-15', { period: day(10) })],
  ['Senest 4 uger efter udskrivelsesdagen', D, P, rel('2019-04-02')],
  ['inden for 14 dage efter udskrivelsesdatoen', D, P, rel('2019-03-19')],
  ['senest 7 dage efter hjemkomst', D, P, rel('2019-03-12')],
  ['Senest 7 dage efter hjemkomsten', D, P, rel('2019-03-12')],
  ['senest 10 dage efter udskrivningen', D, P, rel('2019-03-15')],
  ['inden for ti dage', D, P, rel('2019-03-15')],
  ['inden for elleve dage', D, P, rel('2019-03-16')],
  ['senest fjorten dage efter udskrivelsen', D, P, rel('2019-03-19')],
  ['senest atten dage efter udskrivelse', D, P, rel('2019-03-23')],
  ['inden for tyve dage', D, P, rel('2019-03-25')],
  ['inden for enogtyve dage', D, P, rel('2019-03-26')],
  ['inden for tredive dage', D, P, rel('2019-04-04')],
  ['inden for enogtredive dage', D, P, rel('2019-04-05')],
  ['inden for fyrre dage', D, P, rel('2019-04-14')],
  ['inden for seks uger', D, P, rel('2019-04-16')],
  ['indenfor 8 uger', D, P, rel('2019-04-30')],
  ['inden for tolv uger', D, P, rel('2019-05-28')],
  ['senest seks måneder efter udskrivelsen', D, P, rel('2019-09-05')],
  ['senest otte dage efter udskrivelsen', D, P, rel('2019-03-13')],
  ['Genoptræning skal igangsættes indenfor 4 uger', D, P, rel('2019-04-02')],
  ['1 uge', D, P, rel('2019-03-12')],
  ['7 dage efter udskrivelse', D, P, rel('2019-03-12')],
  ['inden for 1 uge efter udskrivelsen', D, P, rel('2019-03-12')],
  ['Frist 14 dage', D, P, rel('2019-03-19')],
  ['Tidsfrist: 2 uger', D, P, rel('2019-03-19')],
  ['indenfor 2 døgn', D, P, rel('2019-03-07')],
  ['inden for 12 timer', D, P, rel('2019-03-06')], // half a day rounds up to one
  ['inden for 2 kalenderdage', D, P, rel('2019-03-07')],
  ['inden for 31 dage', D, P, rel('2019-04-05')],
  ['inden for 4 uger', '2019-12-20', '2019-12-19', rel('2020-01-17')],
  ['Senest 14 dage fra udskrivelsen', D, P, rel('2019-03-19')], // ambiguous: "fra" + anchor is not in the readings
  ['inden for 7 dage', '2019-12-27', '2019-12-26', rel('2020-01-03')], // across new year
  ['inden for 2 dage', '2020-02-28', '2020-02-27', rel('2020-03-01')], // leap year: 29 Feb in between
  ['inden for 2 dage', '2019-02-28', '2019-02-27', rel('2019-03-02')],
  // no discharge date: the period is read, but there is nothing to count from
  ['inden for 14 dage', undefined, P, rel(undefined, { period: day(14) })],
  ['senest 4 uger efter udskrivelsen', undefined, P, rel(undefined, { period: week(4) })],
  ['inden for 1 måned', undefined, undefined, rel(undefined)],
  ['inden for 48 timer', undefined, undefined, rel(undefined)],
];

// ---------------------------------------------------------------------------------------------------------------
// working-days: hverdage/arbejdsdage, Mon–Fri minus Danish public holidays, counted from the day after discharge

const WORKING_DAYS: Row[] = [
  ['1 hverdag', '2019-03-08', '2019-03-07', rel('2019-03-11', { period: workingDay(1) })], // Friday + 1 = Monday
  ['inden for 5 hverdage', '2019-03-08', '2019-03-07', rel('2019-03-15')],
  ['3 arbejdsdage', '2019-03-08', '2019-03-07', rel('2019-03-13')],
  ['1 hverdag', '2019-03-09', '2019-03-08', rel('2019-03-11')], // Saturday discharge
  ['inden for 5 hverdage', D, P, rel('2019-03-12', { period: workingDay(5) })],
  ['senest 10 hverdage efter udskrivelsen', D, P, rel('2019-03-19')],
  ['inden for 2 arbejdsdage', D, P, rel('2019-03-07')],
  ['10 arbejdsdage', D, P, rel('2019-03-19')],
  ['senest 15 hverdage efter udskrivelse', D, P, rel('2019-03-26')],
  ['inden for fem hverdage', D, P, rel('2019-03-12')],
  // Easter 2019 (skærtorsdag 18/4, langfredag 19/4, 2. påskedag 22/4)
  ['inden for 3 hverdage', '2019-04-17', '2019-04-16', rel('2019-04-25')],
  ['1 hverdag', '2019-04-17', '2019-04-16', rel('2019-04-23')],
  ['inden for 5 hverdage efter udskrivelsen', '2019-04-17', '2019-04-16', rel('2019-04-29')],
  ['senest 2 arbejdsdage efter udskrivelse', '2019-04-16', '2019-04-15', rel('2019-04-23')],
  // store bededag 2019 (Friday 17/5), 2023 (5/5) and its abolition from 2024 (26/4/2024 is a working day)
  ['inden for 3 hverdage', '2019-05-15', '2019-05-14', rel('2019-05-21')],
  ['1 hverdag', '2023-05-04', '2023-05-03', rel('2023-05-08')],
  ['1 hverdag', '2024-04-25', '2024-04-24', rel('2024-04-26')],
  // Kristi himmelfart 2019 (Thursday 30/5; the Friday after is a working day) and 2024 (9/5)
  ['inden for 2 hverdage', '2019-05-29', '2019-05-28', rel('2019-06-03')],
  ['1 hverdag', '2024-05-08', '2024-05-07', rel('2024-05-10')],
  // grundlovsdag 5/6 is not a holiday; 2. pinsedag 10/6/2019 is
  ['1 hverdag', '2019-06-04', '2019-06-03', rel('2019-06-05')],
  ['1 hverdag', '2019-06-07', '2019-06-06', rel('2019-06-11')],
  // Christmas and new year: 24/12 and 31/12 count, 25/12, 26/12 and 1/1 do not
  ['inden for 5 hverdage', '2019-12-23', '2019-12-20', rel('2020-01-02')],
  ['senest 2 hverdage efter udskrivelsen', '2019-12-30', '2019-12-27', rel('2020-01-02')],
  ['3 hverdage', '2019-12-20', '2019-12-19', rel('2019-12-27')], // Mon 23, Tue 24, (25, 26), Fri 27
  // Easter 2020 and 2024
  ['inden for 2 arbejdsdage', '2020-04-08', '2020-04-07', rel('2020-04-15')],
  ['inden for 3 hverdage', '2024-03-27', '2024-03-26', rel('2024-04-04')],
  ['inden for 5 arbejdsdage efter udskrivelsen', '2019-12-23', '2019-12-20', rel('2020-01-02')],
  ['2 hverdage', '2019-04-17', '2019-04-16', rel('2019-04-24')],
  ['inden for tre hverdage', '2019-04-17', '2019-04-16', rel('2019-04-25')],
  ['inden for 10 hverdage', '2019-04-17', '2019-04-16', rel('2019-05-06')],
  ['senest 20 hverdage efter udskrivelse', '2019-04-17', '2019-04-16', rel('2019-05-21')], // Easter and store bededag
  ['indenfor 3 hverdage', '2019-05-29', '2019-05-28', rel('2019-06-04')],
  ['1 arbejdsdag', '2019-12-24', '2019-12-23', rel('2019-12-27')],
  ['inden for 1 hverdag', '2019-12-31', '2019-12-30', rel('2020-01-02')],
  ['1 hverdag', '2020-05-07', '2020-05-06', rel('2020-05-11')], // store bededag 2020 (8/5)
  ['inden for 3 hverdage', '2024-04-24', '2024-04-23', rel('2024-04-29')], // 26/4/2024 counts
  ['1 hverdag', '2019-03-10', '2019-03-08', rel('2019-03-11')], // Sunday discharge
  // no discharge date
  ['inden for 5 hverdage', undefined, P, rel(undefined, { period: workingDay(5) })],
];

// ---------------------------------------------------------------------------------------------------------------
// weeks-and-months: ISO week numbers, "udgangen af <måned>", calendar months with end-of-month clamping

const WEEKS_AND_MONTHS: Row[] = [
  ['senest uge 12', D, P, abs('2019-03-24')],
  ['uge 12', D, P, abs('2019-03-24')],
  ['senest i uge 14', D, P, abs('2019-04-07')],
  ['Opstart senest uge 14', D, P, abs('2019-04-07')],
  ['senest uge 10', D, P, abs('2019-03-10')], // discharge is in week 10: its Sunday is still after discharge
  ['inden uge 12', D, P, abs('2019-03-17')], // the Sunday before week 12
  ['senest uge 2', '2019-12-27', '2019-12-26', abs('2020-01-12')],
  ['senest uge 1', '2019-12-27', '2019-12-26', abs('2020-01-05')],
  ['inden uge 2', '2019-12-27', '2019-12-26', abs('2020-01-05')],
  ['senest uge 52', '2019-12-27', '2019-12-26', abs('2019-12-29')],
  ['senest uge 1', '2019-12-20', '2019-12-19', abs('2020-01-05')],
  ['senest uge 53', '2020-12-20', '2020-12-18', abs('2021-01-03')], // 2020 has a week 53
  ['senest uge 14', '2019-04-05', '2019-04-04', abs('2019-04-07')],
  ['Senest uge 2', '2020-01-02', '2019-12-31', abs('2020-01-12')],
  ['uge 1', '2019-12-30', '2019-12-27', abs('2020-01-05')],
  ['inden uge 1', '2019-12-27', '2019-12-26', abs('2019-12-29')],
  ['inden uge 11', D, P, abs('2019-03-10')],
  ['senest udgangen af marts', D, P, abs('2019-03-31')],
  ['inden udgangen af april', D, P, abs('2019-04-30')],
  ['senest udgangen af februar', '2020-01-10', '2020-01-09', abs('2020-02-29')], // leap year
  ['senest udgangen af februar', '2019-01-10', '2019-01-09', abs('2019-02-28')],
  ['senest udgangen af januar', '2019-12-20', '2019-12-19', abs('2020-01-31')],
  ['senest udgangen af december', '2019-12-20', '2019-12-19', abs('2019-12-31')],
  ['inden udgangen af januar', '2020-01-31', '2020-01-30', abs('2020-01-31')], // discharge on the month end
  ['inden for 1 måned', '2019-05-31', '2019-05-29', rel('2019-06-30')],
  ['2 uger', D, P, rel('2019-03-19')],
  ['inden for 1 måned', '2019-01-31', '2019-01-30', rel('2019-02-28')], // clamped
  ['inden for 1 mnd.', '2020-01-31', '2020-01-30', rel('2020-02-29')], // leap year, clamped
  ['inden for 1 måned', '2019-03-31', '2019-03-29', rel('2019-04-30')],
  ['senest 2 måneder efter udskrivelsen', '2019-12-31', '2019-12-30', rel('2020-02-29')],
  ['inden for 1 måned', '2020-02-29', '2020-02-27', rel('2020-03-29')],
  ['inden for 12 måneder', '2020-02-29', '2020-02-27', rel('2021-02-28')],
  ['inden for 3 måneder', '2019-11-30', '2019-11-28', rel('2020-02-29')],
  ['senest 1 måned efter udskrivelse', '2019-08-31', '2019-08-29', rel('2019-09-30')],
];

// ---------------------------------------------------------------------------------------------------------------
// earliest-start: only an earliest start; no latest start (kind none)

const EARLIEST_START: Row[] = [
  ['tidligst 14 dage efter udskrivelsen', D, P, earliest('2019-03-19')],
  ['tidligst 18.03.2019', D, P, earliest('2019-03-18')],
  ['Tidligst d. 18/3', D, P, earliest('2019-03-18')],
  ['ikke før 18.03.2019', D, P, earliest('2019-03-18')],
  ['Må først begynde 3 uger efter udskrivelsen', D, P, earliest('2019-03-26')],
  ['Må først opstartes 6 uger efter udskrivelsen', D, P, earliest('2019-04-16')],
  ['ikke inden 1. april 2019', D, P, earliest('2019-04-01')],
  ['ingen opstart før 1/4-2019', D, P, earliest('2019-04-01')],
  ['Genoptræningen må ikke påbegyndes før 25.03.2019', D, P, earliest('2019-03-25')],
  ['må ikke starte før 4 uger efter udskrivelsen', D, P, earliest('2019-04-02')],
  ['ikke før 2 uger efter udskrivelsen', D, P, earliest('2019-03-19')],
  ['fra 1. april', D, P, earliest('2019-04-01')],
  ['fra d. 18.03.2019', D, P, earliest('2019-03-18')],
  ['Genoptræning tidligst fra 1.4.2019', D, P, earliest('2019-04-01')],
  ['først fra 1. april 2019', D, P, earliest('2019-04-01')],
  ['fra uge 14', D, P, earliest('2019-04-01')], // Monday of week 14
  ['tidligst fra uge 12', D, P, earliest('2019-03-18')],
  ['tidligst uge 12', D, P, earliest('2019-03-18')],
  ['opstart efter 14 dage', D, P, earliest('2019-03-19')],
  ['Opstart efter 3 uger', D, P, earliest('2019-03-26')],
  ['tidligst 6 uger efter udskrivelse', D, P, earliest('2019-04-16')],
  ['Tidligst om 2 uger', D, P, earliest('2019-03-19')],
  ['Opstart tidligst 1 uge efter udskrivelse', D, P, earliest('2019-03-12')],
  ['Tidligst 10 hverdage efter udskrivelse', D, P, earliest('2019-03-19')],
  ['tidligst 3 hverdage efter udskrivelsen', '2019-04-17', '2019-04-16', earliest('2019-04-25')],
  ['tidligst 1 måned efter udskrivelsen', D, P, earliest('2019-04-05')],
  ['tidligst 1 måned efter udskrivelsen', '2019-01-31', '2019-01-30', earliest('2019-02-28')],
  ['Genoptræningen må tidligst opstartes d. 20/3', D, P, earliest('2019-03-20')],
  ['Patienten må først starte træning fra 25.03.2019', D, P, earliest('2019-03-25')],
  ['tidligst fire uger efter hjemkomst', D, P, earliest('2019-04-02')],
  ['Genoptræning må ikke starte før uge 14', D, P, earliest('2019-04-01')],
  ['tidligst fra d. 1/4', D, P, earliest('2019-04-01')],
  ['opstart tidligst uge 14', D, P, earliest('2019-04-01')],
  ['Tidligst 3 uger efter hjemkomst', D, P, earliest('2019-03-26')],
  ['tidligst 2 måneder efter udskrivelsen', D, P, earliest('2019-05-05')],
  ['opstart efter 2 uger', D, P, earliest('2019-03-19')],
  ['Efter 14 dage', D, P, earliest('2019-03-19')],
  ['må ikke påbegyndes før 6 uger efter udskrivelsen', D, P, earliest('2019-04-16')],
  ['først om 3 uger', D, P, earliest('2019-03-26')],
  ['tidligst 48 timer efter udskrivelse', D, P, earliest('2019-03-07')],
  ['tidligst 5 hverdage efter udskrivelsen', '2019-12-23', '2019-12-20', earliest('2020-01-02')],
  ['fra uge 2', '2019-12-27', '2019-12-26', earliest('2020-01-06')],
  ['fra 6/1', '2019-12-20', '2019-12-19', earliest('2020-01-06')],
  // no discharge date: an earliest start is asked for, but its date can't be computed
  ['tidligst 4 uger efter udskrivelsen', undefined, P, earliest(undefined)],
  ['må først begynde 3 uger efter udskrivelsen', undefined, undefined, earliest(undefined)],
];

// ---------------------------------------------------------------------------------------------------------------
// window: an earliest and a latest start

const WINDOW: Row[] = [
  ['mellem 11.03 og 18.03.2019', D, P, abs('2019-03-18', { earliestStart: '2019-03-11', asksLaterStart: true })],
  ['tidligst 11.03.2019 og senest 18.03.2019', D, P, abs('2019-03-18', { earliestStart: '2019-03-11', asksLaterStart: true })],
  [
    'tidligst 11.03.2019 og senest 18.03.2019',
    undefined,
    undefined,
    abs('2019-03-18', { earliestStart: '2019-03-11', asksLaterStart: true }),
  ],
  ['Tidligst 1. april 2019, senest 15. april 2019', D, P, abs('2019-04-15', { earliestStart: '2019-04-01', asksLaterStart: true })],
  ['mellem 1. april og 15. april 2019', D, P, abs('2019-04-15', { earliestStart: '2019-04-01', asksLaterStart: true })],
  ['fra 1. april og senest 12. april 2019', D, P, abs('2019-04-12', { earliestStart: '2019-04-01', asksLaterStart: true })],
  ['ikke før 18.03.2019 men senest 25.03.2019', D, P, abs('2019-03-25', { earliestStart: '2019-03-18', asksLaterStart: true })],
  ['tidligst 18.03.2019 og inden 1.4.2019', D, P, abs('2019-03-31', { earliestStart: '2019-03-18', asksLaterStart: true })],
  ['mellem uge 12 og uge 14', D, P, abs('2019-04-07', { earliestStart: '2019-03-18', asksLaterStart: true })],
  ['fra uge 12 og senest uge 13', D, P, abs('2019-03-31', { earliestStart: '2019-03-18', asksLaterStart: true })],
  [
    'tidligst 14 dage efter udskrivelsen, senest 1. april 2019',
    D,
    P,
    abs('2019-04-01', { earliestStart: '2019-03-19', asksLaterStart: true }),
  ],
  [
    'tidligst 2 uger efter udskrivelsen og senest 4 uger efter udskrivelsen',
    D,
    P,
    rel('2019-04-02', { earliestStart: '2019-03-19', asksLaterStart: true }),
  ],
  ['tidligst om 1 uge og senest om 3 uger', D, P, rel('2019-03-26', { earliestStart: '2019-03-12', asksLaterStart: true })],
  [
    'Må først begynde 1 uge efter udskrivelsen, senest 3 uger efter udskrivelsen',
    D,
    P,
    rel('2019-03-26', { earliestStart: '2019-03-12', asksLaterStart: true }),
  ],
  [
    'tidligst 2 hverdage og senest 5 hverdage efter udskrivelsen',
    '2019-04-17',
    '2019-04-16',
    rel('2019-04-29', { earliestStart: '2019-04-24', asksLaterStart: true }),
  ],
  ['mellem 18/3 og 25/3', D, P, abs('2019-03-25', { earliestStart: '2019-03-18', asksLaterStart: true })],
  ['Tidligst uge 12, senest uge 14', D, P, abs('2019-04-07', { earliestStart: '2019-03-18', asksLaterStart: true })],
  ['tidligst 18.03.2019 og senest 18.03.2019', D, P, abs('2019-03-18', { earliestStart: '2019-03-18', asksLaterStart: true })], // equal is not later
  // ambiguous: "fra … til" is the commonest Danish window, but "til" is not in the readings
  ['fra 18.03.2019 til 25.03.2019', D, P, abs('2019-03-25', { earliestStart: '2019-03-18', asksLaterStart: true })],
  ['tidligst 2 uger efter udskrivelsen og senest 4 uger efter udskrivelsen', undefined, P, rel(undefined, { asksLaterStart: true })],
];

// ---------------------------------------------------------------------------------------------------------------
// combined: statements that agree (or not), a wish plus a deadline

const COMBINED: Row[] = [
  ['inden for 10 dage, altså senest 15.03.2019', D, P, { kind: ['relative', 'absolute'], date: '2019-03-15', asksLaterStart: false }],
  ['inden for 2 uger, senest 19.03.2019', D, P, { kind: ['relative', 'absolute'], date: '2019-03-19', asksLaterStart: false }],
  ['14 dage. Senest 19.03.2019', D, P, { kind: ['relative', 'absolute'], date: '2019-03-19', asksLaterStart: false }],
  ['inden for 2 uger og senest 19/3', D, P, { kind: ['relative', 'absolute'], date: '2019-03-19', asksLaterStart: false }],
  [
    'Senest 14 dage efter udskrivelsen (dvs. 19.03.2019)',
    D,
    P,
    { kind: ['relative', 'absolute'], date: '2019-03-19', asksLaterStart: false },
  ],
  [
    'Senest 5 hverdage efter udskrivelse, dvs. 12.03.2019',
    D,
    P,
    { kind: ['relative', 'absolute'], date: '2019-03-12', asksLaterStart: false },
  ],
  ['senest uge 12, altså senest 24.03.2019', D, P, abs('2019-03-24')],
  ['senest 14 dage efter udskrivelse. Senest 14 dage efter udskrivelse', D, P, rel('2019-03-19')],
  ['Snarest, og senest 10 dage efter udskrivelse', D, P, rel('2019-03-15')],
  ['hurtigst muligt og senest 14 dage efter udskrivelsen', D, P, rel('2019-03-19')],
  ['Hurtigst muligt. Senest inden for 1 uge.', D, P, rel('2019-03-12')],
  ['straks og senest 7 dage efter udskrivelsen', D, P, rel('2019-03-12')],
  ['Snarest muligt og senest 12.03.2019', D, P, abs('2019-03-12')],
  ['hurtigst muligt, senest 12.03.2019', D, P, abs('2019-03-12')],
  ['Så hurtigt som muligt og senest inden for 5 hverdage', D, P, rel('2019-03-12')],
  ['tidligst 14 dage efter udskrivelsen, altså tidligst 19.03.2019', D, P, earliest('2019-03-19')],
  ['Hurtigst muligt og inden for 14 dage', D, P, rel('2019-03-19')],
  ['inden for 1 uge, dvs. senest 12.03.2019', D, P, { kind: ['relative', 'absolute'], date: '2019-03-12', asksLaterStart: false }],
  ['inden for 5 hverdage, altså senest 12.03.2019', D, P, { kind: ['relative', 'absolute'], date: '2019-03-12', asksLaterStart: false }],
  ['senest 19.03.2019 (14 dage efter udskrivelse)', D, P, { kind: ['relative', 'absolute'], date: '2019-03-19', asksLaterStart: false }],
  ['Inden for 14 dage, senest 19/3-19', D, P, { kind: ['relative', 'absolute'], date: '2019-03-19', asksLaterStart: false }],
  ['snarest og inden 20.03.2019', D, P, abs('2019-03-19')],
  // statements that disagree
  ['inden for 10 dage, altså senest 16.03.2019', D, P, UNREADABLE],
  ['Senest 5 hverdage efter udskrivelse, dvs. 11.03.2019', D, P, UNREADABLE],
  ['senest 14 dage efter udskrivelse, senest 21 dage efter udskrivelse', D, P, UNREADABLE],
  ['senest uge 12, altså senest 22.03.2019', D, P, UNREADABLE],
  ['senest 7 dage efter udskrivelse og senest 14 dage efter udskrivelse', D, P, UNREADABLE],
  ['senest 2 uger efter udskrivelse, dvs. uge 12', D, P, UNREADABLE], // ambiguous: 19/3 vs Sunday of week 12 (24/3)
];

// ---------------------------------------------------------------------------------------------------------------
// asap: as soon as possible, never a date

const ASAP_ROWS: Row[] = [
  ['hurtigst muligt', D, P, ASAP],
  ['Hurtigst muligt', D, P, ASAP],
  ['HURTIGST MULIGT!', D, P, ASAP],
  ['snarest', D, P, ASAP],
  ['Snarest.', D, P, ASAP],
  ['Snarest muligt', D, P, ASAP],
  ['straks', D, P, ASAP],
  ['ASAP', D, P, ASAP],
  ['asap', undefined, undefined, ASAP],
  ['så hurtigt som muligt', D, P, ASAP],
  ['umiddelbart efter udskrivelsen', D, P, ASAP],
  ['Genoptræningen skal opstartes hurtigst muligt', D, P, ASAP],
  ['Genoptræning bør påbegyndes snarest', D, P, ASAP],
  ['Patienten skal starte så hurtigt som muligt', D, P, ASAP],
  ['Borgeren bør starte genoptræning straks', D, P, ASAP],
  ['Opstart snarest muligt', D, P, ASAP],
  ['Genoptræningen bedes igangsættes hurtigst muligt', D, P, ASAP],
  ['Snarest!', D, P, ASAP],
  ['Hurtigst muligt efter udskrivelse', D, P, ASAP],
  ['straks efter udskrivelsen', D, P, ASAP],
  ['Opstart hurtigst muligt.', D, P, ASAP],
  ['hurtigst muligt', undefined, P, ASAP],
];

// ---------------------------------------------------------------------------------------------------------------
// none: no deadline at all

const NONE_ROWS: Row[] = [
  ['', D, P, NONE],
  [undefined, D, P, NONE],
  ['   ', D, P, NONE],
  ['ingen', D, P, NONE],
  ['Ingen', D, P, NONE],
  ['ingen frist', D, P, NONE],
  ['Ingen frist.', D, P, NONE],
  ['INGEN FRIST', D, P, NONE],
  ['Ingen tidsfrist', D, P, NONE],
  ['ikke relevant', D, P, NONE],
  ['Ikke relevant.', D, P, NONE],
  ['-', D, P, NONE],
  ['Ingen faglig begrundelse for en frist', D, P, NONE],
  ['ingen frist', undefined, undefined, NONE],
  ['ikke relevant', undefined, undefined, NONE],
  ['ingen tidsfrist', D, P, NONE],
  ['', undefined, undefined, NONE],
];

// ---------------------------------------------------------------------------------------------------------------
// typos-and-glue: one edit away from exactly one lexicon word (words of five or more letters), glued units, abbreviations

const TYPOS_AND_GLUE: Row[] = [
  ['indenfro 14 dage', D, P, rel('2019-03-19')], // indenfor, neighbours swapped
  ['senset 12.03.2019', D, P, abs('2019-03-12')], // senest
  ['senets 12.03.2019', D, P, abs('2019-03-12')], // senest
  ['snest 12.03.2019', D, P, abs('2019-03-12')], // senest, a letter missing (five letters)
  ['senest 14 dage efter udskrvelse', D, P, rel('2019-03-19')], // udskrivelse, a letter missing
  ['Inden for 14 dage efter udksrivelsen', D, P, rel('2019-03-19')], // udskrivelsen, swapped
  ['senest 10 dage efter udskrivlese', D, P, rel('2019-03-15')], // udskrivelse, swapped
  ['senest 7 dage efter udskrivelsedagen', D, P, rel('2019-03-12')], // udskrivelsesdagen, a letter missing
  ['tidligts 18.03.2019', D, P, earliest('2019-03-18')], // tidligst
  ['inden for 5 hvedage', D, P, rel('2019-03-12')], // hverdage
  ['3 arbjedsdage', D, P, rel('2019-03-08')], // arbejdsdage
  ['inden for 2 måender', D, P, rel('2019-05-05')], // måneder
  ['hurtigs muligt', D, P, ASAP], // hurtigst
  ['snarset', D, P, ASAP], // snarest
  ['indefor 14 dage', D, P, rel('2019-03-19')], // indenfor, a letter missing
  ['senest 14 dage efter udskirvelse', D, P, rel('2019-03-19')], // udskrivelse, swapped
  ['tidlgist 18.03.2019', D, P, earliest('2019-03-18')], // tidligst, swapped
  ['hurtigst mulig', D, P, ASAP], // muligt, a letter missing
  ['snarets', D, P, ASAP], // snarest, swapped
  ['inden for 2 måneer', D, P, rel('2019-05-05')], // måneder, a letter missing
  ['inden for 10dage', D, P, rel('2019-03-15')],
  ['inden for 14dage', D, P, rel('2019-03-19')],
  ['senest 2uger efter udskrivelse', D, P, rel('2019-03-19')],
  ['inden for 5hverdage', D, P, rel('2019-03-12')],
  ['inden for 48timer', D, P, rel('2019-03-07')],
  ['inden for 5 hvd.', D, P, rel('2019-03-12')],
  ['Indenfor 10 hvd. efter udskr.', D, P, rel('2019-03-19')],
  ['senest 14 dage efter udskr.', D, P, rel('2019-03-19')],
  ['senest 3 mdr. efter udskr.', D, P, rel('2019-06-05')],
  ['inden for 1 mnd.', D, P, rel('2019-04-05')],
  ['inden for 2 uger efter udskr', D, P, rel('2019-03-19')],
  ['senest 3 mdr efter udskrivelse', D, P, rel('2019-06-05')],
  ['senest 10 hvd', D, P, rel('2019-03-19')],
  ['inden for 1uge', D, P, rel('2019-03-12')],
  ['inden for 3mdr.', D, P, rel('2019-06-05')],
  ['SENEST 14 DAGE EFTER UDSKRIVELSEN!', D, P, rel('2019-03-19')],
  ['Inden For 14 Dage', D, P, rel('2019-03-19')],
  ['  senest   14  dage  efter   udskrivelsen  ', D, P, rel('2019-03-19')],
  ['Pt. skal starte senest 7 dage efter udskr.', D, P, rel('2019-03-12')],
];

// ---------------------------------------------------------------------------------------------------------------
// reasons: a reason after da / pga. / på grund af / grundet / jf. does not change the reading

const REASONS: Row[] = [
  ['senest 14 dage efter udskrivelse pga. sårheling', D, P, rel('2019-03-19')],
  ['Senest 12.03.2019 da pt. skal have fjernet sting', D, P, abs('2019-03-12')],
  ['inden for 5 hverdage på grund af risiko for funktionstab', D, P, rel('2019-03-12')],
  ['tidligst 6 uger efter udskrivelsen grundet aflastning af knæet', D, P, earliest('2019-04-16')],
  ['senest 1 uge efter udskrivelsen jf. aftale med kommunen', D, P, rel('2019-03-12')],
  ['hurtigst muligt pga. faldrisiko', D, P, ASAP],
  ['Inden for 2 uger, da borgeren ellers mister funktion', D, P, rel('2019-03-19')],
  ['senest 10 dage efter udskrivelsen grundet risiko for kontrakturer', D, P, rel('2019-03-15')],
  ['Ingen frist da borgeren allerede er i gang', D, P, NONE],
  ['Tidligst 18.03.2019 pga. operationssår', D, P, earliest('2019-03-18')],
  ['senest 14 dage efter udskrivelse pga. operation 01.03.2019', D, P, rel('2019-03-19')], // a date in the reason
  ['senest 7 dage efter udskrivelse pga. risiko for fald eller tryksår', D, P, rel('2019-03-12')], // "eller" in the reason
  ['senest 7 dage pga. smerter når hun går', D, P, rel('2019-03-12')], // "når" in the reason
  ['Senest 14 dage efter udskrivelsen, da der er behov for gangtræning', D, P, rel('2019-03-19')],
  ['Snarest muligt grundet nedsat funktionsniveau', D, P, ASAP],
  ['senest uge 12 jf. lægens vurdering', D, P, abs('2019-03-24')],
  ['senest 2 uger efter udskrivelsen pga. 6 ugers aflastning', D, P, rel('2019-03-19')], // a period in the reason
  ['Hurtigst muligt, da borgeren er faldtruet', D, P, ASAP],
  ['tidligst 6 uger efter udskrivelsen jf. ortopædkirurgisk regime', D, P, earliest('2019-04-16')],
  ['inden for 5 hverdage grundet nedsat gangfunktion', D, P, rel('2019-03-12')],
  ['senest 12.03.2019 på grund af risiko for kontrakturer', D, P, abs('2019-03-12')],
];

// ---------------------------------------------------------------------------------------------------------------
// relative-to-plan-date: a weekday alone, "i dag", "næste uge" count from the authorisation date

const RELATIVE_TO_PLAN_DATE: Row[] = [
  ['senest fredag', D, P, abs('2019-03-08')], // first Friday strictly after Monday 4 March
  ['Opstart senest torsdag', D, P, abs('2019-03-07')],
  ['senest onsdag', D, P, abs('2019-03-06')],
  ['senest mandag', D, P, abs('2019-03-11')], // strictly after: not the plan date itself
  ['senest søndag', D, P, abs('2019-03-10')],
  ['senest tirsdag', D, '2019-03-05', abs('2019-03-12')],
  ['senest fredag', '2019-03-10', '2019-03-08', abs('2019-03-15')],
  ['senest lørdag', '2019-03-10', '2019-03-08', UNREADABLE], // counted from the plan's date it lands before discharge
  ['inden fredag', D, P, abs('2019-03-07')], // inden + a day: the day before
  ['i dag', D, D, abs('2019-03-05')],
  ['senest i dag', D, D, abs('2019-03-05')],
  ['senest næste uge', D, P, abs('2019-03-17')], // week 11, its Sunday
  ['næste uge', D, P, abs('2019-03-17')],
  ['senest næste uge', '2019-03-11', '2019-03-10', abs('2019-03-17')], // plan date a Sunday of week 10
  ['senest næste uge', '2019-12-30', '2019-12-27', abs('2020-01-05')], // week 52 → week 1 of 2020
  ['næste uge', '2019-12-31', '2019-12-30', abs('2020-01-12')], // week 1 of 2020 → week 2
  ['inden næste uge', D, P, abs('2019-03-10')], // the Sunday before next week
  ['tidligst næste uge', D, P, earliest('2019-03-11')], // Monday of week 11
  ['fra næste uge', D, P, earliest('2019-03-11')],
  ['tidligst mandag', D, P, earliest('2019-03-11')],
  ['ikke før mandag', D, P, earliest('2019-03-11')],
  ['senest næste uge', '2019-03-10', '2019-03-08', abs('2019-03-17')],
  ['tidligst næste uge', '2019-12-30', '2019-12-27', earliest('2019-12-30')], // Monday of week 1 of 2020
  ['inden mandag', D, P, abs('2019-03-10')], // the day before Monday 11 March
  ['Senest på fredag', D, P, abs('2019-03-08')], // ambiguous: "på" is not among the listed fillers
  ['hurtigst muligt og senest fredag', D, P, abs('2019-03-08')],
  [
    'tidligst mandag og senest fredag',
    '2019-03-10',
    '2019-03-08',
    abs('2019-03-15', { earliestStart: '2019-03-11', asksLaterStart: true }),
  ],
  ['tidligst mandag og senest fredag', D, P, UNREADABLE_LATER], // from Monday 4 March: Monday 11 is after Friday 8
];

// ---------------------------------------------------------------------------------------------------------------
// unreadable: vague, conditional, alternative, anchored elsewhere, impossible or contradictory. Never a date.

const UNREADABLE_ROWS: Row[] = [
  // ranges
  ['2-3 uger', D, P, UNREADABLE],
  ['7-10 dage', D, P, UNREADABLE],
  ['inden for 2-3 uger', D, P, UNREADABLE],
  ['senest 7-10 dage efter udskrivelsen', D, P, UNREADABLE],
  ['uge 12-13', D, P, UNREADABLE],
  ['1-2 mdr.', D, P, UNREADABLE],
  ['inden for 48-72 timer', D, P, UNREADABLE],
  ['tidligst 2-3 uger efter udskrivelsen', D, P, UNREADABLE_LATER],
  // approximations
  ['ca. 14 dage', D, P, UNREADABLE],
  ['ca 1 uge', D, P, UNREADABLE],
  ['cirka 2 uger', D, P, UNREADABLE],
  ['cirka 3 uger efter udskrivelsen', D, P, UNREADABLE],
  ['senest ca. 10 dage efter udskrivelse', D, P, UNREADABLE],
  ['omkring 1. april', D, P, UNREADABLE],
  ['omkring 14 dage', D, P, UNREADABLE],
  ['omkring uge 14', D, P, UNREADABLE],
  ['ca. 1. april 2019', D, P, UNREADABLE],
  ['et par uger', D, P, UNREADABLE],
  ['inden for et par dage', D, P, UNREADABLE],
  ['nogle uger', D, P, UNREADABLE],
  ['få dage', D, P, UNREADABLE],
  ['ikke før ca. 4 uger efter udskrivelsen', D, P, UNREADABLE_LATER],
  // alternatives
  ['senest 10 dage eller ved første kontrol', D, P, UNREADABLE],
  ['senest 14 dage efter udskrivelsen eller når gipsen er fjernet', D, P, UNREADABLE],
  ['senest 12.03.2019 eller 15.03.2019', D, P, UNREADABLE],
  ['snarest eller senest om 2 uger', D, P, UNREADABLE],
  ['Senest 7 dage eller 5 hverdage', D, P, UNREADABLE],
  ['senest 2 uger efter udskrivelse eller tidligere', D, P, UNREADABLE],
  // conditions
  ['når såret er helet', D, P, UNREADABLE],
  ['ved næste kontrol', D, P, UNREADABLE],
  ['afhænger af sårheling', D, P, UNREADABLE],
  ['Afhænger af forløbet på sygehuset', D, P, UNREADABLE],
  ['når smerterne tillader det', D, P, UNREADABLE],
  ['ved behov', D, P, UNREADABLE],
  ['Senest 14 dage efter udskrivelsen, afhænger af sårheling', D, P, UNREADABLE],
  ['vurderes ved kontrol', D, P, UNREADABLE],
  ['tidligst ved næste kontrol', D, P, UNREADABLE_LATER],
  ['ikke før såret er helet', D, P, UNREADABLE_LATER],
  // anchors that are not in the message
  ['2 uger efter operationen', D, P, UNREADABLE],
  ['efter gipsfjernelse', D, P, UNREADABLE],
  ['senest 2 uger efter gipsfjernelse', D, P, UNREADABLE],
  ['senest 14 dage efter operation', D, P, UNREADABLE],
  ['inden for 6 uger efter ulykken', D, P, UNREADABLE],
  ['senest 10 dage efter kontrol i ambulatoriet', D, P, UNREADABLE],
  ['inden for 14 dage efter sidste behandling', D, P, UNREADABLE],
  ['tidligst 3 uger efter operationen', D, P, UNREADABLE_LATER],
  ['tidligst efter gipsfjernelse', D, P, UNREADABLE_LATER],
  ['tidligst 2 uger efter operationen og senest 4 uger efter udskrivelsen', D, P, UNREADABLE_LATER],
  // dates that are not the start; two different dates
  ['ambulant kontrol 18.03.2019', D, P, UNREADABLE],
  ['senest 12.03.2019 - kontrol 18.03.2019', D, P, UNREADABLE],
  ['12.03.2019 og 15.03.2019', D, P, UNREADABLE],
  ['senest 14. marts 2019 og senest 20. marts 2019', D, P, UNREADABLE],
  // impossible dates
  ['senest 31.02.2019', D, P, UNREADABLE],
  ['32.03.2019', D, P, UNREADABLE],
  ['senest 29.02.2019', D, P, UNREADABLE], // 2019 is not a leap year
  ['senest 12.13.2019', D, P, UNREADABLE],
  ['inden 30. februar 2020', D, P, UNREADABLE],
  ['senest 45.03.2019', D, P, UNREADABLE],
  // a weekday that disagrees with its date
  ['senest fredag d. 21.03.2019', D, P, UNREADABLE], // a Thursday
  ['mandag d. 12.03.2019', D, P, UNREADABLE], // a Tuesday
  ['senest onsdag den 4. april 2019', D, P, UNREADABLE], // a Thursday
  // an earliest start later than the deadline
  ['tidligst 20.03.2019 og senest 15.03.2019', D, P, UNREADABLE_LATER],
  ['senest 12.03.2019, tidligst 12.04.2019', D, P, UNREADABLE_LATER],
  ['tidligst 6 uger efter udskrivelsen og senest 2 uger efter udskrivelsen', D, P, UNREADABLE_LATER],
  // more of the same, as written in real plans
  ['10-14 dage', D, P, UNREADABLE],
  ['indenfor 3-4 uger', D, P, UNREADABLE],
  ['inden for 2 eller 3 uger', D, P, UNREADABLE],
  ['uge 14 eller 15', D, P, UNREADABLE],
  ['hurtigst muligt eller inden for 14 dage', D, P, UNREADABLE],
  ['senest 10.03.2019 eller 12.03.2019', D, P, UNREADABLE],
  ['Ca. 3 uger efter udskrivelse', D, P, UNREADABLE],
  ['ca. uge 14', D, P, UNREADABLE],
  ['et par dage', D, P, UNREADABLE],
  ['snart', D, P, { kind: ['unreadable', 'asap'] }], // ambiguous: not in the asap list, but a wish without a date either way
  ['når ødemet er aftaget', D, P, UNREADABLE],
  ['efter endt strålebehandling', D, P, UNREADABLE],
  ['6 uger postoperativt', D, P, UNREADABLE],
  ['tidligst 6 uger postoperativt', D, P, UNREADABLE_LATER],
  ['senest 14 dage efter indlæggelsen', D, P, UNREADABLE],
  ['Afventer svar på røntgen', D, P, UNREADABLE],
  ['31.04.2019', D, P, UNREADABLE],
  ['senest 00.03.2019', D, P, UNREADABLE],
  ['senest fredag d. 22/3-2020', D, P, UNREADABLE], // a Sunday
  ['tidligst 14 dage efter udskrivelsen og senest 10 dage efter udskrivelsen', D, P, UNREADABLE_LATER],
  ['senest 14 dage efter udskrivelse, evt. før', D, P, UNREADABLE],
  ['inden for 2 ugre', D, P, UNREADABLE], // four letters: not corrected
  // unknown content words, typos too far or too short to correct, vague words
  ['efter aftale', D, P, UNREADABLE],
  ['følger', D, P, UNREADABLE],
  ['blablabla', D, P, UNREADABLE],
  ['se epikrise', D, P, UNREADABLE],
  ['senest 1/4 2019 alternativt 8/4', D, P, UNREADABLE],
  ['inden for 3 ugr', D, P, UNREADABLE], // three letters: not corrected
  ['inden for 14 dgae', D, P, UNREADABLE], // four letters: not corrected
  ['sneets 12.03.2019', D, P, UNREADABLE], // two edits from senest
  ['indnefro 14 dage', D, P, UNREADABLE], // two edits from indenfor
  ['efter næste røntgenkontrol', D, P, UNREADABLE],
];

// ---------------------------------------------------------------------------------------------------------------
// the oracle

const CATEGORIES: [string, Row[]][] = [
  ['deadline-date', DEADLINE_DATE],
  ['deadline-period', DEADLINE_PERIOD],
  ['working-days', WORKING_DAYS],
  ['weeks-and-months', WEEKS_AND_MONTHS],
  ['earliest-start', EARLIEST_START],
  ['window', WINDOW],
  ['combined', COMBINED],
  ['asap', ASAP_ROWS],
  ['none', NONE_ROWS],
  ['typos-and-glue', TYPOS_AND_GLUE],
  ['reasons', REASONS],
  ['relative-to-plan-date', RELATIVE_TO_PLAN_DATE],
  ['unreadable', UNREADABLE_ROWS],
];

runTable('RehabilitationDeadline phrasings (oracle)', CATEGORIES, { rows: 220, unreadable: 50 });

describe('RehabilitationDeadline: very long texts', () => {
  const MB = 1_000_000;
  const texts: [string, string][] = [
    ['senest + 1 MB of words + a date', `senest ${'meget '.repeat(170_000)}12.03.2019`],
    ['1 MB of digits', '1'.repeat(MB)],
    ['1 MB of dashes', '-'.repeat(MB)],
    ['1 MB of dots', '.'.repeat(MB)],
    ['1 MB of "12." then a year', `${'12.'.repeat(MB / 3)}2019`],
  ];
  it.each(texts)('%s returns without throwing', (_name, text) => {
    const result = interpretDeadline(text, { dischargeDate: D, planDate: P });
    expect(['absolute', 'relative', 'asap', 'none', 'unreadable']).toContain(result.kind);
    if (result.kind === 'unreadable') {
      expect(result.date).toBeUndefined();
      expect(result.earliestStart).toBeUndefined();
    }
  });
});
