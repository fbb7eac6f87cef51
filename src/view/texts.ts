import type { CODE_LISTS } from '../standard/codelists';
import type { Language } from '../texts/languages';
import type { DeadlineState } from '../format/ui-texts';

/** The sections of a plan as shown (../../../shared/spec/viewer.md), in order; each is `id="sec-<key>"` in the page. */
export const SECTION_KEYS = [
  'plan',
  'patient',
  'receivers',
  'signers',
  'consent',
  'relatives',
  'information',
  'practical',
  'safety',
  'deadline',
  'hospital-contact',
  'follow-up',
  'health',
  'ability',
  'need',
  'diagnoses',
  'icf',
  'journal',
  'contacts',
  'team',
  'final-result',
  'references',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

type CodeLabels<L extends keyof typeof CODE_LISTS> = Record<(typeof CODE_LISTS)[L][number], string>;

/** The viewer's own words, per language: a missing translation does not compile. */
export interface ViewTexts {
  documentTitle: string;
  sections: Record<SectionKey, string>;
  facts: string;
  findings: string;
  unknown: string;
  unknownIntro: string;
  noFindings: string;
  notGiven: string;
  unreadable: string;
  redacted: string;
  field: {
    level: string;
    provider: string;
    status: string;
    discharge: string;
    admitted: string;
    expectedEnd: string;
    deadlineWritten: string;
    deadlineRead: string;
    mustStartBy: string;
    earliestStart: string;
    guaranteedStartBy: string;
    guarantee: string;
    startBy: string;
    startByWhy: string;
    standard: string;
    referenceDate: string;
    daysLeft: string;
    sender: string;
    authorised: string;
    authorisedBy: string;
    letterId: string;
    versionCode: string;
    statisticalCode: string;
    letterType: string;
    episode: string;
    messageId: string;
    sent: string;
    acknowledgement: string;
    name: string;
    cpr: string;
    address: string;
    occupation: string;
    phone: string;
    noPhone: string;
    email: string;
    coAddress: string;
    ean: string;
    identifier: string;
    speciality: string;
    title: string;
    department: string;
    unit: string;
    receiver: string;
    gp: string;
    gpDeselected: string;
    copy: string;
    signedBy: string;
    coWriter: string;
    consent: string;
    relation: string;
    expectedStart: string;
    location: string;
    summary: string;
    extended: string;
    primary: string;
    secondary: string;
    diagnosisText: string;
    icfCode: string;
    gradient: string;
    excerptType: string;
    signer: string;
    date: string;
    comment: string;
    region: string;
    municipality: string;
    member: string;
    resultReceiver: string;
    description: string;
    url: string;
    rule: string;
    severity: string;
    line: string;
    section: string;
    where: string;
    reason: string;
    element: string;
  };
  provider: Record<'hospital' | 'municipality' | 'region', string>;
  /** the plan's latest start where it has no date, each state told apart: "no deadline" only where the plan has none */
  deadlineState: Record<Exclude<DeadlineState, 'date'>, string>;
  /** the guarantee date where it is not certain: the date counted from discharge, which holds only if the plan asks for no later start */
  guaranteeNotCertain: (date: string) => string;
  reason: Record<'unknown' | 'repeated' | 'text' | 'attribute', string>;
  top: string;
  /** a date written out and an hh:mm time: "20. december 2014 kl. 10:43", "20 December 2014, 10:43" */
  at: (date: string, time: string) => string;
  codes: {
    ConsentInformed: CodeLabels<'ConsentInformed'>;
    IdentifierCode: CodeLabels<'IdentifierCode'>;
    TelephoneSubscriberCode: CodeLabels<'TelephoneSubscriberCode'>;
    RelationCode: CodeLabels<'RelationCode'>;
    AcknowledgementCode: CodeLabels<'AcknowledgementCode'>;
  };
}

export const VIEW_TEXTS: Record<Language, ViewTexts> = {
  da: {
    documentTitle: 'Genoptræningsplan',
    sections: {
      plan: 'Genoptræningsplan',
      patient: 'Patient',
      receivers: 'Modtagere',
      signers: 'Underskrivere og medforfattere',
      consent: 'Samtykke',
      relatives: 'Pårørende',
      information: 'Information til patient og pårørende',
      practical: 'Praktiske oplysninger',
      safety: 'Patientsikkerhedsmæssige forhold',
      deadline: 'Tidsfrist for start af genoptræning',
      'hospital-contact': 'Aktuel sygehuskontakt',
      'follow-up': 'Aftaler om kontrol og opfølgning',
      health: 'Helbredsforhold, sammenfatning',
      ability: 'Funktionsevne ved udskrivelse',
      need: 'Genoptræningsbehov og potentiale',
      diagnoses: 'Diagnoser',
      icf: 'ICF-klassifikationer',
      journal: 'Uddrag fra journal',
      contacts: 'Kontakt til region og kommune',
      team: 'Behandlende team',
      'final-result': 'Slutstatus sendes til',
      references: 'Henvisninger',
    },
    facts: 'Overblik',
    findings: 'Fund ved kontrol af planen',
    unknown: 'Ukendte elementer',
    unknownIntro: 'Elementer, som standarden ikke kender, eller flere end den tillader; vist som de blev sendt.',
    noFindings: 'Ingen fund.',
    notGiven: 'Selve planen er ikke givet: her vises kun overblik og fund.',
    unreadable: 'Planen kunne ikke læses; nedenfor vises fundene og det, der kunne læses.',
    redacted: 'Personoplysninger er maskeret (*** og DDMMÅÅ-XXXX er ikke data).',
    field: {
      level: 'Niveau',
      provider: 'Varetages af',
      status: 'Status',
      discharge: 'Udskrivelse',
      admitted: 'Indlagt',
      expectedEnd: 'Udskrivelse (forventet)',
      deadlineWritten: 'Frist som skrevet',
      deadlineRead: 'Frist som læst',
      mustStartBy: 'Opstart senest (planens frist)',
      earliestStart: 'Opstart tidligst',
      guaranteedStartBy: 'Tilbud om opstart senest (sundhedsloven § 140, stk. 4)',
      guarantee: 'Genoptræningsgarantien',
      startBy: 'Bindende dato for opstart',
      startByWhy: 'Hvorfor denne dato',
      standard: 'Kvalitetsstandard',
      referenceDate: 'Referencedato',
      daysLeft: 'Dage tilbage',
      sender: 'Afsender',
      authorised: 'Godkendt',
      authorisedBy: 'Godkendt af',
      letterId: 'Brev-id',
      versionCode: 'Version',
      statisticalCode: 'Statistikkode',
      letterType: 'Brevtype',
      episode: 'Forløbs-id',
      messageId: 'Meddelelses-id',
      sent: 'Afsendt',
      acknowledgement: 'Kvittering',
      name: 'Navn',
      cpr: 'CPR-nummer',
      address: 'Adresse',
      occupation: 'Beskæftigelse',
      phone: 'Telefon',
      noPhone: 'Ingen telefon',
      email: 'E-mail',
      coAddress: 'c/o',
      ean: 'EAN-lokationsnummer',
      identifier: 'Identifikation',
      speciality: 'Speciale',
      title: 'Titel',
      department: 'Afdeling',
      unit: 'Afsnit',
      receiver: 'Hjemkommune',
      gp: 'Egen læge (kopi)',
      gpDeselected: 'fravalgt af patienten',
      copy: 'Kopimodtager',
      signedBy: 'Underskrevet af',
      coWriter: 'Medforfatter',
      consent: 'Informeret samtykke',
      relation: 'Relation',
      expectedStart: 'Forventet tidspunkt',
      location: 'Sted',
      summary: 'Sammenfatning',
      extended: 'Uddybning',
      primary: 'Aktionsdiagnose',
      secondary: 'Bidiagnose',
      diagnosisText: 'Fritekst',
      icfCode: 'ICF-kode',
      gradient: 'Graduering',
      excerptType: 'Type',
      signer: 'Underskriver',
      date: 'Dato',
      comment: 'Kommentar',
      region: 'Region',
      municipality: 'Kommune',
      member: 'Medlem',
      resultReceiver: 'Modtager',
      description: 'Beskrivelse',
      url: 'Adresse (URL)',
      rule: 'Regel',
      severity: 'Alvor',
      line: 'linje',
      section: 'Afsnit',
      where: 'Sted i planen',
      reason: 'Hvorfor',
      element: 'Element',
    },
    provider: { hospital: 'sygehuset', municipality: 'kommunen', region: 'regionen' },
    deadlineState: {
      noDate: 'fristens dato kan ikke beregnes: læs teksten',
      unreadable: 'fristen kan ikke læses: læs teksten',
      asap: 'hurtigst muligt',
      earliestOnly: 'ingen seneste frist (kun en tidligste opstart)',
      laterStartNoDate: 'ingen seneste frist; planen beder om en senere opstart, men datoen kan ikke læses: læs teksten',
      none: 'ingen frist i planen',
    },
    guaranteeNotCertain: (date) => `ikke sikker (${date} kun hvis planen ikke beder om en senere opstart)`,
    reason: {
      unknown: 'ukendt element',
      repeated: 'flere end standarden tillader',
      text: 'tekst uden for et element',
      attribute: 'ukendt attribut',
    },
    top: 'til toppen',
    at: (date, time) => `${date} kl. ${time}`,
    codes: {
      ConsentInformed: { ja: 'ja', nej: 'nej' },
      IdentifierCode: {
        sygehusafdelingsnummer: 'sygehusafdelingsnummer',
        kommunenummer: 'kommunenummer',
        ydernummer: 'ydernummer',
        region: 'regionsnummer',
        lokationsnummer: 'lokationsnummer',
        sorkode: 'SOR-kode',
        amt: 'amtsnummer',
      },
      TelephoneSubscriberCode: { mobil: 'mobil', fastnet: 'fastnet', arbejde: 'arbejde' },
      RelationCode: {
        aegtefaelle: 'ægtefælle',
        uspec_paaroerende: 'pårørende',
        mor: 'mor',
        far: 'far',
        barn: 'barn',
        datter: 'datter',
        soen: 'søn',
        samlevende: 'samlever',
        soeskende: 'søskende',
        anden: 'anden',
      },
      AcknowledgementCode: { pluspositivkvitt: 'positiv kvittering ønskes', minuspositivkvitt: 'ingen positiv kvittering' },
    },
  },
  en: {
    documentTitle: 'Rehabilitation plan',
    sections: {
      plan: 'Rehabilitation plan',
      patient: 'Patient',
      receivers: 'Receivers',
      signers: 'Signed by and co-writers',
      consent: 'Consent',
      relatives: 'Relatives',
      information: 'Information for the patient and relatives',
      practical: 'Practical information',
      safety: 'Patient safety',
      deadline: 'Deadline for the start of rehabilitation',
      'hospital-contact': 'Current hospital contact',
      'follow-up': 'Follow-up at the hospital',
      health: 'Health and course of treatment, summary',
      ability: 'Functional ability at discharge',
      need: 'Rehabilitation need and potential',
      diagnoses: 'Diagnoses',
      icf: 'ICF classifications',
      journal: 'Journal excerpts',
      contacts: 'Contacting the region and the municipality',
      team: 'Care team',
      'final-result': 'Final status goes to',
      references: 'References',
    },
    facts: 'Overview',
    findings: 'Findings of the check',
    unknown: 'Unknown elements',
    unknownIntro: 'Elements the standard does not know, or more of one than it allows; shown as they were sent.',
    noFindings: 'No findings.',
    notGiven: 'The plan itself was not given: only the overview and the findings are shown.',
    unreadable: 'The plan could not be read; below are the findings and what could be read.',
    redacted: 'Personal data is masked (*** and DDMMYY-XXXX are not data).',
    field: {
      level: 'Level',
      provider: 'Provided by',
      status: 'Status',
      discharge: 'Discharge',
      admitted: 'Admitted',
      expectedEnd: 'Discharge (expected)',
      deadlineWritten: 'Deadline as written',
      deadlineRead: 'Deadline as read',
      mustStartBy: "Start by (the plan's deadline)",
      earliestStart: 'Start no earlier than',
      guaranteedStartBy: 'Start to be offered by (Health Act s. 140(4))',
      guarantee: 'Rehabilitation guarantee',
      startBy: 'Binding start date',
      startByWhy: 'Why this date',
      standard: 'Quality standard',
      referenceDate: 'Reference date',
      daysLeft: 'Days left',
      sender: 'Sender',
      authorised: 'Authorised',
      authorisedBy: 'Authorised by',
      letterId: 'Letter id',
      versionCode: 'Version',
      statisticalCode: 'Statistical code',
      letterType: 'Letter type',
      episode: 'Episode of care id',
      messageId: 'Message id',
      sent: 'Sent',
      acknowledgement: 'Acknowledgement',
      name: 'Name',
      cpr: 'CPR number',
      address: 'Address',
      occupation: 'Occupation',
      phone: 'Phone',
      noPhone: 'No phone',
      email: 'E-mail',
      coAddress: 'c/o',
      ean: 'EAN location number',
      identifier: 'Identifier',
      speciality: 'Speciality',
      title: 'Title',
      department: 'Department',
      unit: 'Unit',
      receiver: 'Home municipality',
      gp: 'GP (copy)',
      gpDeselected: 'deselected by the patient',
      copy: 'Copy receiver',
      signedBy: 'Signed by',
      coWriter: 'Co-writer',
      consent: 'Informed consent',
      relation: 'Relation',
      expectedStart: 'Expected time',
      location: 'Place',
      summary: 'Summary',
      extended: 'In detail',
      primary: 'Primary diagnosis',
      secondary: 'Secondary diagnosis',
      diagnosisText: 'Free text',
      icfCode: 'ICF code',
      gradient: 'Gradient',
      excerptType: 'Type',
      signer: 'Signer',
      date: 'Date',
      comment: 'Comment',
      region: 'Region',
      municipality: 'Municipality',
      member: 'Member',
      resultReceiver: 'Receiver',
      description: 'Description',
      url: 'Address (URL)',
      rule: 'Rule',
      severity: 'Severity',
      line: 'line',
      section: 'Section',
      where: 'Place in the plan',
      reason: 'Why',
      element: 'Element',
    },
    provider: { hospital: 'the hospital', municipality: 'the municipality', region: 'the region' },
    deadlineState: {
      noDate: "the deadline's date could not be computed: read the text",
      unreadable: 'the deadline could not be read: read the text',
      asap: 'as soon as possible',
      earliestOnly: 'no latest start (only an earliest start)',
      laterStartNoDate: 'no latest start; a later start is asked for, but its date could not be read: read the text',
      none: 'no deadline in the plan',
    },
    guaranteeNotCertain: (date) => `not certain (${date} only if the plan asks for no later start)`,
    reason: {
      unknown: 'unknown element',
      repeated: 'more than the standard allows',
      text: 'text outside an element',
      attribute: 'unknown attribute',
    },
    top: 'to the top',
    at: (date, time) => `${date}, ${time}`,
    codes: {
      ConsentInformed: { ja: 'yes', nej: 'no' },
      IdentifierCode: {
        sygehusafdelingsnummer: 'hospital department number',
        kommunenummer: 'municipality number',
        ydernummer: 'GP provider number',
        region: 'region number',
        lokationsnummer: 'location number',
        sorkode: 'SOR code',
        amt: 'county number',
      },
      TelephoneSubscriberCode: { mobil: 'mobile', fastnet: 'landline', arbejde: 'work' },
      RelationCode: {
        aegtefaelle: 'spouse',
        uspec_paaroerende: 'relative',
        mor: 'mother',
        far: 'father',
        barn: 'child',
        datter: 'daughter',
        soen: 'son',
        samlevende: 'partner',
        soeskende: 'sibling',
        anden: 'other',
      },
      AcknowledgementCode: { pluspositivkvitt: 'positive receipt requested', minuspositivkvitt: 'no positive receipt' },
    },
  },
};
