// Written by scripts/build-model-table.mjs from src/model/schema.ts: not to be edited.
const t0: unknown = ['m104'];
const t1: unknown = ['urn:oio:medcom:municipality:1.0.4'];
const t2: unknown = ['m100'];
const t3: unknown = ['urn:oio:medcom:municipality:1.0.0'];
const t4: unknown = ['m100', 'm104'];
const t5: unknown = ['urn:oio:medcom:municipality:1.0.0', 'urn:oio:medcom:municipality:1.0.4'];
const t6: unknown = {
  prop: 'date',
  name: 'Date',
  nsKeys: t4,
  nsUris: t5,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t7: unknown = {
  prop: 'time',
  name: 'Time',
  nsKeys: t4,
  nsUris: t5,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t8: unknown = [];
const t9: unknown = {
  prop: 'sent',
  name: 'Sent',
  nsKeys: t2,
  nsUris: t3,
  min: 1,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t6, t7],
    byLocal: new Map<unknown, unknown>([
      ['Date', t6],
      ['Time', t7],
    ]),
    byProp: new Map<unknown, unknown>([
      ['date', t6],
      ['time', t7],
    ]),
    attributes: t8,
  },
  index: 0,
};
const t10: unknown = {
  prop: 'identifier',
  name: 'Identifier',
  nsKeys: t2,
  nsUris: t3,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t11: unknown = {
  prop: 'acknowledgementCode',
  name: 'AcknowledgementCode',
  nsKeys: t2,
  nsUris: t3,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t12: unknown = {
  prop: 'envelope',
  name: 'Envelope',
  nsKeys: t2,
  nsUris: t3,
  min: 1,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t9, t10, t11],
    byLocal: new Map<unknown, unknown>([
      ['Sent', t9],
      ['Identifier', t10],
      ['AcknowledgementCode', t11],
    ]),
    byProp: new Map<unknown, unknown>([
      ['sent', t9],
      ['identifier', t10],
      ['acknowledgementCode', t11],
    ]),
    attributes: t8,
  },
  index: 0,
};
const t13: unknown = {
  prop: 'identifier',
  name: 'Identifier',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t14: unknown = {
  prop: 'versionCode',
  name: 'VersionCode',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t15: unknown = {
  prop: 'statisticalCode',
  name: 'StatisticalCode',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t16: unknown = {
  prop: 'date',
  name: 'Date',
  nsKeys: t4,
  nsUris: t5,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t17: unknown = {
  prop: 'time',
  name: 'Time',
  nsKeys: t4,
  nsUris: t5,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t18: unknown = {
  prop: 'authorisation',
  name: 'Authorisation',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t16, t17],
    byLocal: new Map<unknown, unknown>([
      ['Date', t16],
      ['Time', t17],
    ]),
    byProp: new Map<unknown, unknown>([
      ['date', t16],
      ['time', t17],
    ]),
    attributes: t8,
  },
  index: 3,
};
const t19: unknown = {
  prop: 'typeCode',
  name: 'TypeCode',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 4,
};
const t20: unknown = {
  prop: 'episodeOfCareIdentifier',
  name: 'EpisodeOfCareIdentifier',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 5,
};
const t21: unknown = {
  prop: 'letter',
  name: 'Letter',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t13, t14, t15, t18, t19, t20],
    byLocal: new Map<unknown, unknown>([
      ['Identifier', t13],
      ['VersionCode', t14],
      ['StatisticalCode', t15],
      ['Authorisation', t18],
      ['TypeCode', t19],
      ['EpisodeOfCareIdentifier', t20],
    ]),
    byProp: new Map<unknown, unknown>([
      ['identifier', t13],
      ['versionCode', t14],
      ['statisticalCode', t15],
      ['authorisation', t18],
      ['typeCode', t19],
      ['episodeOfCareIdentifier', t20],
    ]),
    attributes: t8,
  },
  index: 0,
};
const t22: unknown = {
  prop: 'eanIdentifier',
  name: 'EANIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t23: unknown = {
  prop: 'identifier',
  name: 'Identifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t24: unknown = {
  prop: 'identifierCode',
  name: 'IdentifierCode',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t25: unknown = {
  prop: 'organisationName',
  name: 'OrganisationName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 3,
};
const t26: unknown = {
  prop: 'departmentName',
  name: 'DepartmentName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 4,
};
const t27: unknown = {
  prop: 'unitName',
  name: 'UnitName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 5,
};
const t28: unknown = {
  prop: 'streetName',
  name: 'StreetName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 6,
};
const t29: unknown = {
  prop: 'suburbName',
  name: 'SuburbName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 7,
};
const t30: unknown = {
  prop: 'districtName',
  name: 'DistrictName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 8,
};
const t31: unknown = {
  prop: 'postCodeIdentifier',
  name: 'PostCodeIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 9,
};
const t32: unknown = {
  prop: 'telephoneSubscriberIdentifier',
  name: 'TelephoneSubscriberIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 10,
};
const t33: unknown = {
  prop: 'medicalSpecialityCode',
  name: 'MedicalSpecialityCode',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 11,
};
const t34: unknown = {
  prop: 'identifier',
  name: 'Identifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t35: unknown = {
  prop: 'identifierCode',
  name: 'IdentifierCode',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t36: unknown = {
  prop: 'personGivenName',
  name: 'PersonGivenName',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t37: unknown = {
  prop: 'personSurnameName',
  name: 'PersonSurnameName',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 3,
};
const t38: unknown = {
  prop: 'personTitle',
  name: 'PersonTitle',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 4,
};
const t39: unknown = {
  prop: 'telephoneSubscriberIdentifier',
  name: 'TelephoneSubscriberIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 5,
};
const t40: unknown = {
  prop: 'departmentName',
  name: 'DepartmentName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 6,
};
const t41: unknown = {
  prop: 'signedBy',
  name: 'SignedBy',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t34, t35, t36, t37, t38, t39, t40],
    byLocal: new Map<unknown, unknown>([
      ['Identifier', t34],
      ['IdentifierCode', t35],
      ['PersonGivenName', t36],
      ['PersonSurnameName', t37],
      ['PersonTitle', t38],
      ['TelephoneSubscriberIdentifier', t39],
      ['DepartmentName', t40],
    ]),
    byProp: new Map<unknown, unknown>([
      ['identifier', t34],
      ['identifierCode', t35],
      ['personGivenName', t36],
      ['personSurnameName', t37],
      ['personTitle', t38],
      ['telephoneSubscriberIdentifier', t39],
      ['departmentName', t40],
    ]),
    attributes: t8,
  },
  index: 12,
};
const t42: unknown = {
  prop: 'identifier',
  name: 'Identifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t43: unknown = {
  prop: 'identifierCode',
  name: 'IdentifierCode',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t44: unknown = {
  prop: 'personGivenName',
  name: 'PersonGivenName',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t45: unknown = {
  prop: 'personSurnameName',
  name: 'PersonSurnameName',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 3,
};
const t46: unknown = {
  prop: 'personTitle',
  name: 'PersonTitle',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 4,
};
const t47: unknown = {
  prop: 'telephoneSubscriberIdentifier',
  name: 'TelephoneSubscriberIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 5,
};
const t48: unknown = {
  prop: 'departmentName',
  name: 'DepartmentName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 6,
};
const t49: unknown = {
  prop: 'coWriter',
  name: 'CoWriter',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: Infinity,
  many: true,
  kind: 'object',
  element: {
    children: [t42, t43, t44, t45, t46, t47, t48],
    byLocal: new Map<unknown, unknown>([
      ['Identifier', t42],
      ['IdentifierCode', t43],
      ['PersonGivenName', t44],
      ['PersonSurnameName', t45],
      ['PersonTitle', t46],
      ['TelephoneSubscriberIdentifier', t47],
      ['DepartmentName', t48],
    ]),
    byProp: new Map<unknown, unknown>([
      ['identifier', t42],
      ['identifierCode', t43],
      ['personGivenName', t44],
      ['personSurnameName', t45],
      ['personTitle', t46],
      ['telephoneSubscriberIdentifier', t47],
      ['departmentName', t48],
    ]),
    attributes: t8,
  },
  index: 13,
};
const t50: unknown = {
  prop: 'sender',
  name: 'Sender',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t22, t23, t24, t25, t26, t27, t28, t29, t30, t31, t32, t33, t41, t49],
    byLocal: new Map<unknown, unknown>([
      ['EANIdentifier', t22],
      ['Identifier', t23],
      ['IdentifierCode', t24],
      ['OrganisationName', t25],
      ['DepartmentName', t26],
      ['UnitName', t27],
      ['StreetName', t28],
      ['SuburbName', t29],
      ['DistrictName', t30],
      ['PostCodeIdentifier', t31],
      ['TelephoneSubscriberIdentifier', t32],
      ['MedicalSpecialityCode', t33],
      ['SignedBy', t41],
      ['CoWriter', t49],
    ]),
    byProp: new Map<unknown, unknown>([
      ['eanIdentifier', t22],
      ['identifier', t23],
      ['identifierCode', t24],
      ['organisationName', t25],
      ['departmentName', t26],
      ['unitName', t27],
      ['streetName', t28],
      ['suburbName', t29],
      ['districtName', t30],
      ['postCodeIdentifier', t31],
      ['telephoneSubscriberIdentifier', t32],
      ['medicalSpecialityCode', t33],
      ['signedBy', t41],
      ['coWriter', t49],
    ]),
    attributes: t8,
  },
  index: 1,
};
const t51: unknown = {
  prop: 'eanIdentifier',
  name: 'EANIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t52: unknown = {
  prop: 'identifier',
  name: 'Identifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t53: unknown = {
  prop: 'identifierCode',
  name: 'IdentifierCode',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t54: unknown = {
  prop: 'organisationName',
  name: 'OrganisationName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 3,
};
const t55: unknown = {
  prop: 'departmentName',
  name: 'DepartmentName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 4,
};
const t56: unknown = {
  prop: 'unitName',
  name: 'UnitName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 5,
};
const t57: unknown = {
  prop: 'streetName',
  name: 'StreetName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 6,
};
const t58: unknown = {
  prop: 'suburbName',
  name: 'SuburbName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 7,
};
const t59: unknown = {
  prop: 'districtName',
  name: 'DistrictName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 8,
};
const t60: unknown = {
  prop: 'postCodeIdentifier',
  name: 'PostCodeIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 9,
};
const t61: unknown = {
  prop: 'telephoneSubscriberIdentifier',
  name: 'TelephoneSubscriberIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 10,
};
const t62: unknown = {
  prop: 'medicalSpecialityCode',
  name: 'MedicalSpecialityCode',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 11,
};
const t63: unknown = {
  prop: 'receiver',
  name: 'Receiver',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t51, t52, t53, t54, t55, t56, t57, t58, t59, t60, t61, t62],
    byLocal: new Map<unknown, unknown>([
      ['EANIdentifier', t51],
      ['Identifier', t52],
      ['IdentifierCode', t53],
      ['OrganisationName', t54],
      ['DepartmentName', t55],
      ['UnitName', t56],
      ['StreetName', t57],
      ['SuburbName', t58],
      ['DistrictName', t59],
      ['PostCodeIdentifier', t60],
      ['TelephoneSubscriberIdentifier', t61],
      ['MedicalSpecialityCode', t62],
    ]),
    byProp: new Map<unknown, unknown>([
      ['eanIdentifier', t51],
      ['identifier', t52],
      ['identifierCode', t53],
      ['organisationName', t54],
      ['departmentName', t55],
      ['unitName', t56],
      ['streetName', t57],
      ['suburbName', t58],
      ['districtName', t59],
      ['postCodeIdentifier', t60],
      ['telephoneSubscriberIdentifier', t61],
      ['medicalSpecialityCode', t62],
    ]),
    attributes: t8,
  },
  index: 2,
};
const t64: unknown = {
  prop: 'eanIdentifier',
  name: 'EANIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t65: unknown = {
  prop: 'identifier',
  name: 'Identifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t66: unknown = {
  prop: 'identifierCode',
  name: 'IdentifierCode',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t67: unknown = {
  prop: 'organisationName',
  name: 'OrganisationName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 3,
};
const t68: unknown = {
  prop: 'departmentName',
  name: 'DepartmentName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 4,
};
const t69: unknown = {
  prop: 'unitName',
  name: 'UnitName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 5,
};
const t70: unknown = {
  prop: 'streetName',
  name: 'StreetName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 6,
};
const t71: unknown = {
  prop: 'suburbName',
  name: 'SuburbName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 7,
};
const t72: unknown = {
  prop: 'districtName',
  name: 'DistrictName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 8,
};
const t73: unknown = {
  prop: 'postCodeIdentifier',
  name: 'PostCodeIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 9,
};
const t74: unknown = {
  prop: 'telephoneSubscriberIdentifier',
  name: 'TelephoneSubscriberIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 10,
};
const t75: unknown = {
  prop: 'medicalSpecialityCode',
  name: 'MedicalSpecialityCode',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 11,
};
const t76: unknown = {
  prop: 'ccReceiver',
  name: 'CCReceiver',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t64, t65, t66, t67, t68, t69, t70, t71, t72, t73, t74, t75],
    byLocal: new Map<unknown, unknown>([
      ['EANIdentifier', t64],
      ['Identifier', t65],
      ['IdentifierCode', t66],
      ['OrganisationName', t67],
      ['DepartmentName', t68],
      ['UnitName', t69],
      ['StreetName', t70],
      ['SuburbName', t71],
      ['DistrictName', t72],
      ['PostCodeIdentifier', t73],
      ['TelephoneSubscriberIdentifier', t74],
      ['MedicalSpecialityCode', t75],
    ]),
    byProp: new Map<unknown, unknown>([
      ['eanIdentifier', t64],
      ['identifier', t65],
      ['identifierCode', t66],
      ['organisationName', t67],
      ['departmentName', t68],
      ['unitName', t69],
      ['streetName', t70],
      ['suburbName', t71],
      ['districtName', t72],
      ['postCodeIdentifier', t73],
      ['telephoneSubscriberIdentifier', t74],
      ['medicalSpecialityCode', t75],
    ]),
    attributes: t8,
  },
  index: 0,
};
const t77: unknown = {
  prop: 'deselected',
  name: 'Deselected',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'flag',
  element: undefined,
  index: 1,
};
const t78: unknown = {
  prop: 'gpccReceiver',
  name: 'GPCCReceiver',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t76, t77],
    byLocal: new Map<unknown, unknown>([
      ['CCReceiver', t76],
      ['Deselected', t77],
    ]),
    byProp: new Map<unknown, unknown>([
      ['ccReceiver', t76],
      ['deselected', t77],
    ]),
    attributes: t8,
  },
  index: 3,
};
const t79: unknown = {
  prop: 'eanIdentifier',
  name: 'EANIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t80: unknown = {
  prop: 'identifier',
  name: 'Identifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t81: unknown = {
  prop: 'identifierCode',
  name: 'IdentifierCode',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t82: unknown = {
  prop: 'organisationName',
  name: 'OrganisationName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 3,
};
const t83: unknown = {
  prop: 'departmentName',
  name: 'DepartmentName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 4,
};
const t84: unknown = {
  prop: 'unitName',
  name: 'UnitName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 5,
};
const t85: unknown = {
  prop: 'streetName',
  name: 'StreetName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 6,
};
const t86: unknown = {
  prop: 'suburbName',
  name: 'SuburbName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 7,
};
const t87: unknown = {
  prop: 'districtName',
  name: 'DistrictName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 8,
};
const t88: unknown = {
  prop: 'postCodeIdentifier',
  name: 'PostCodeIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 9,
};
const t89: unknown = {
  prop: 'telephoneSubscriberIdentifier',
  name: 'TelephoneSubscriberIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 10,
};
const t90: unknown = {
  prop: 'medicalSpecialityCode',
  name: 'MedicalSpecialityCode',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 11,
};
const t91: unknown = {
  prop: 'ccReceiver',
  name: 'CCReceiver',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: Infinity,
  many: true,
  kind: 'object',
  element: {
    children: [t79, t80, t81, t82, t83, t84, t85, t86, t87, t88, t89, t90],
    byLocal: new Map<unknown, unknown>([
      ['EANIdentifier', t79],
      ['Identifier', t80],
      ['IdentifierCode', t81],
      ['OrganisationName', t82],
      ['DepartmentName', t83],
      ['UnitName', t84],
      ['StreetName', t85],
      ['SuburbName', t86],
      ['DistrictName', t87],
      ['PostCodeIdentifier', t88],
      ['TelephoneSubscriberIdentifier', t89],
      ['MedicalSpecialityCode', t90],
    ]),
    byProp: new Map<unknown, unknown>([
      ['eanIdentifier', t79],
      ['identifier', t80],
      ['identifierCode', t81],
      ['organisationName', t82],
      ['departmentName', t83],
      ['unitName', t84],
      ['streetName', t85],
      ['suburbName', t86],
      ['districtName', t87],
      ['postCodeIdentifier', t88],
      ['telephoneSubscriberIdentifier', t89],
      ['medicalSpecialityCode', t90],
    ]),
    attributes: t8,
  },
  index: 4,
};
const t92: unknown = {
  prop: 'civilRegistrationNumber',
  name: 'CivilRegistrationNumber',
  nsKeys: t2,
  nsUris: t3,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t93: unknown = {
  prop: 'personSurnameName',
  name: 'PersonSurnameName',
  nsKeys: t2,
  nsUris: t3,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t94: unknown = {
  prop: 'personGivenName',
  name: 'PersonGivenName',
  nsKeys: t2,
  nsUris: t3,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t95: unknown = {
  prop: 'streetName',
  name: 'StreetName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 3,
};
const t96: unknown = {
  prop: 'suburbName',
  name: 'SuburbName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 4,
};
const t97: unknown = {
  prop: 'districtName',
  name: 'DistrictName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 5,
};
const t98: unknown = {
  prop: 'postCodeIdentifier',
  name: 'PostCodeIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 6,
};
const t99: unknown = {
  prop: 'occupation',
  name: 'Occupation',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 7,
};
const t100: unknown = {
  prop: 'telephoneSubscriberIdentifier',
  name: 'TelephoneSubscriberIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t101: unknown = {
  prop: 'telephoneSubscriberCode',
  name: 'TelephoneSubscriberCode',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t102: unknown = {
  prop: 'telephoneSubscriber',
  name: 'TelephoneSubscriber',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: Infinity,
  many: true,
  kind: 'object',
  element: {
    children: [t100, t101],
    byLocal: new Map<unknown, unknown>([
      ['TelephoneSubscriberIdentifier', t100],
      ['TelephoneSubscriberCode', t101],
    ]),
    byProp: new Map<unknown, unknown>([
      ['telephoneSubscriberIdentifier', t100],
      ['telephoneSubscriberCode', t101],
    ]),
    attributes: t8,
  },
  index: 8,
};
const t103: unknown = {
  prop: 'noTelephoneReason',
  name: 'NoTelephoneReason',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 9,
};
const t104: unknown = {
  prop: 'emailAddressIdentifier',
  name: 'EmailAddressIdentifier',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 10,
};
const t105: unknown = {
  prop: 'personSurnameName',
  name: 'PersonSurnameName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t106: unknown = {
  prop: 'personGivenName',
  name: 'PersonGivenName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t107: unknown = {
  prop: 'streetName',
  name: 'StreetName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t108: unknown = {
  prop: 'suburbName',
  name: 'SuburbName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 3,
};
const t109: unknown = {
  prop: 'districtName',
  name: 'DistrictName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 4,
};
const t110: unknown = {
  prop: 'postCodeIdentifier',
  name: 'PostCodeIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 5,
};
const t111: unknown = {
  prop: 'coAddress',
  name: 'CoAddress',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t105, t106, t107, t108, t109, t110],
    byLocal: new Map<unknown, unknown>([
      ['PersonSurnameName', t105],
      ['PersonGivenName', t106],
      ['StreetName', t107],
      ['SuburbName', t108],
      ['DistrictName', t109],
      ['PostCodeIdentifier', t110],
    ]),
    byProp: new Map<unknown, unknown>([
      ['personSurnameName', t105],
      ['personGivenName', t106],
      ['streetName', t107],
      ['suburbName', t108],
      ['districtName', t109],
      ['postCodeIdentifier', t110],
    ]),
    attributes: t8,
  },
  index: 11,
};
const t112: unknown = {
  prop: 'patient',
  name: 'Patient',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t92, t93, t94, t95, t96, t97, t98, t99, t102, t103, t104, t111],
    byLocal: new Map<unknown, unknown>([
      ['CivilRegistrationNumber', t92],
      ['PersonSurnameName', t93],
      ['PersonGivenName', t94],
      ['StreetName', t95],
      ['SuburbName', t96],
      ['DistrictName', t97],
      ['PostCodeIdentifier', t98],
      ['Occupation', t99],
      ['TelephoneSubscriber', t102],
      ['NoTelephoneReason', t103],
      ['EmailAddressIdentifier', t104],
      ['CoAddress', t111],
    ]),
    byProp: new Map<unknown, unknown>([
      ['civilRegistrationNumber', t92],
      ['personSurnameName', t93],
      ['personGivenName', t94],
      ['streetName', t95],
      ['suburbName', t96],
      ['districtName', t97],
      ['postCodeIdentifier', t98],
      ['occupation', t99],
      ['telephoneSubscriber', t102],
      ['noTelephoneReason', t103],
      ['emailAddressIdentifier', t104],
      ['coAddress', t111],
    ]),
    attributes: t8,
  },
  index: 5,
};
const t113: unknown = {
  prop: 'relationCode',
  name: 'RelationCode',
  nsKeys: t2,
  nsUris: t3,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t114: unknown = {
  prop: 'personSurnameName',
  name: 'PersonSurnameName',
  nsKeys: t2,
  nsUris: t3,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t115: unknown = {
  prop: 'personGivenName',
  name: 'PersonGivenName',
  nsKeys: t2,
  nsUris: t3,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t116: unknown = {
  prop: 'streetName',
  name: 'StreetName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 3,
};
const t117: unknown = {
  prop: 'suburbName',
  name: 'SuburbName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 4,
};
const t118: unknown = {
  prop: 'districtName',
  name: 'DistrictName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 5,
};
const t119: unknown = {
  prop: 'postCodeIdentifier',
  name: 'PostCodeIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 6,
};
const t120: unknown = {
  prop: 'telephoneSubscriberIdentifier',
  name: 'TelephoneSubscriberIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t121: unknown = {
  prop: 'telephoneSubscriberCode',
  name: 'TelephoneSubscriberCode',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t122: unknown = {
  prop: 'telephoneSubscriber',
  name: 'TelephoneSubscriber',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: Infinity,
  many: true,
  kind: 'object',
  element: {
    children: [t120, t121],
    byLocal: new Map<unknown, unknown>([
      ['TelephoneSubscriberIdentifier', t120],
      ['TelephoneSubscriberCode', t121],
    ]),
    byProp: new Map<unknown, unknown>([
      ['telephoneSubscriberIdentifier', t120],
      ['telephoneSubscriberCode', t121],
    ]),
    attributes: t8,
  },
  index: 7,
};
const t123: unknown = {
  prop: 'emailAddressIdentifier',
  name: 'EmailAddressIdentifier',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 8,
};
const t124: unknown = {
  prop: 'relative',
  name: 'Relative',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: Infinity,
  many: true,
  kind: 'object',
  element: {
    children: [t113, t114, t115, t116, t117, t118, t119, t122, t123],
    byLocal: new Map<unknown, unknown>([
      ['RelationCode', t113],
      ['PersonSurnameName', t114],
      ['PersonGivenName', t115],
      ['StreetName', t116],
      ['SuburbName', t117],
      ['DistrictName', t118],
      ['PostCodeIdentifier', t119],
      ['TelephoneSubscriber', t122],
      ['EmailAddressIdentifier', t123],
    ]),
    byProp: new Map<unknown, unknown>([
      ['relationCode', t113],
      ['personSurnameName', t114],
      ['personGivenName', t115],
      ['streetName', t116],
      ['suburbName', t117],
      ['districtName', t118],
      ['postCodeIdentifier', t119],
      ['telephoneSubscriber', t122],
      ['emailAddressIdentifier', t123],
    ]),
    attributes: t8,
  },
  index: 0,
};
const t125: unknown = {
  prop: 'relatives',
  name: 'Relatives',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t124],
    byLocal: new Map<unknown, unknown>([['Relative', t124]]),
    byProp: new Map<unknown, unknown>([['relative', t124]]),
    attributes: t8,
  },
  index: 6,
};
const t126: unknown = {
  prop: 'typeOfRehabilitationPlan',
  name: 'TypeOfRehabilitationPlan',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 7,
};
const t127: unknown = {
  prop: 'informationForPatientAndRelatives',
  name: 'InformationForPatientAndRelatives',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'formatted',
  element: undefined,
  index: 8,
};
const t128: unknown = {
  prop: 'consentInformed',
  name: 'ConsentInformed',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 9,
};
const t129: unknown = {
  prop: 'practicalInformation',
  name: 'PracticalInformation',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'formatted',
  element: undefined,
  index: 10,
};
const t130: unknown = {
  prop: 'patientSafetyAspects',
  name: 'PatientSafetyAspects',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'formatted',
  element: undefined,
  index: 11,
};
const t131: unknown = {
  prop: 'rehabilitationDeadline',
  name: 'RehabilitationDeadline',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 12,
};
const t132: unknown = ['m104', 'm100'];
const t133: unknown = ['urn:oio:medcom:municipality:1.0.4', 'urn:oio:medcom:municipality:1.0.0'];
const t134: unknown = {
  prop: 'date',
  name: 'Date',
  nsKeys: t132,
  nsUris: t133,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t135: unknown = {
  prop: 'time',
  name: 'Time',
  nsKeys: t132,
  nsUris: t133,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t136: unknown = {
  prop: 'start',
  name: 'Start',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t134, t135],
    byLocal: new Map<unknown, unknown>([
      ['Date', t134],
      ['Time', t135],
    ]),
    byProp: new Map<unknown, unknown>([
      ['date', t134],
      ['time', t135],
    ]),
    attributes: t8,
  },
  index: 0,
};
const t137: unknown = {
  prop: 'date',
  name: 'Date',
  nsKeys: t132,
  nsUris: t133,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t138: unknown = {
  prop: 'time',
  name: 'Time',
  nsKeys: t132,
  nsUris: t133,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t139: unknown = {
  prop: 'expectedEnd',
  name: 'ExpectedEnd',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t137, t138],
    byLocal: new Map<unknown, unknown>([
      ['Date', t137],
      ['Time', t138],
    ]),
    byProp: new Map<unknown, unknown>([
      ['date', t137],
      ['time', t138],
    ]),
    attributes: t8,
  },
  index: 1,
};
const t140: unknown = {
  prop: 'expectedEndText',
  name: 'ExpectedEndText',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t141: unknown = {
  prop: 'currentHospitalContact',
  name: 'CurrentHospitalContact',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t136, t139, t140],
    byLocal: new Map<unknown, unknown>([
      ['Start', t136],
      ['ExpectedEnd', t139],
      ['ExpectedEndText', t140],
    ]),
    byProp: new Map<unknown, unknown>([
      ['start', t136],
      ['expectedEnd', t139],
      ['expectedEndText', t140],
    ]),
    attributes: t8,
  },
  index: 13,
};
const t142: unknown = {
  prop: 'date',
  name: 'Date',
  nsKeys: t132,
  nsUris: t133,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t143: unknown = {
  prop: 'time',
  name: 'Time',
  nsKeys: t132,
  nsUris: t133,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t144: unknown = {
  prop: 'expectedStart',
  name: 'ExpectedStart',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t142, t143],
    byLocal: new Map<unknown, unknown>([
      ['Date', t142],
      ['Time', t143],
    ]),
    byProp: new Map<unknown, unknown>([
      ['date', t142],
      ['time', t143],
    ]),
    attributes: t8,
  },
  index: 0,
};
const t145: unknown = {
  prop: 'expectedStartText',
  name: 'ExpectedStartText',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t146: unknown = {
  prop: 'eanIdentifier',
  name: 'EANIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t147: unknown = {
  prop: 'identifier',
  name: 'Identifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t148: unknown = {
  prop: 'identifierCode',
  name: 'IdentifierCode',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t149: unknown = {
  prop: 'organisationName',
  name: 'OrganisationName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 3,
};
const t150: unknown = {
  prop: 'departmentName',
  name: 'DepartmentName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 4,
};
const t151: unknown = {
  prop: 'unitName',
  name: 'UnitName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 5,
};
const t152: unknown = {
  prop: 'streetName',
  name: 'StreetName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 6,
};
const t153: unknown = {
  prop: 'suburbName',
  name: 'SuburbName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 7,
};
const t154: unknown = {
  prop: 'districtName',
  name: 'DistrictName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 8,
};
const t155: unknown = {
  prop: 'postCodeIdentifier',
  name: 'PostCodeIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 9,
};
const t156: unknown = {
  prop: 'telephoneSubscriberIdentifier',
  name: 'TelephoneSubscriberIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 10,
};
const t157: unknown = {
  prop: 'medicalSpecialityCode',
  name: 'MedicalSpecialityCode',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 11,
};
const t158: unknown = {
  prop: 'location',
  name: 'Location',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t146, t147, t148, t149, t150, t151, t152, t153, t154, t155, t156, t157],
    byLocal: new Map<unknown, unknown>([
      ['EANIdentifier', t146],
      ['Identifier', t147],
      ['IdentifierCode', t148],
      ['OrganisationName', t149],
      ['DepartmentName', t150],
      ['UnitName', t151],
      ['StreetName', t152],
      ['SuburbName', t153],
      ['DistrictName', t154],
      ['PostCodeIdentifier', t155],
      ['TelephoneSubscriberIdentifier', t156],
      ['MedicalSpecialityCode', t157],
    ]),
    byProp: new Map<unknown, unknown>([
      ['eanIdentifier', t146],
      ['identifier', t147],
      ['identifierCode', t148],
      ['organisationName', t149],
      ['departmentName', t150],
      ['unitName', t151],
      ['streetName', t152],
      ['suburbName', t153],
      ['districtName', t154],
      ['postCodeIdentifier', t155],
      ['telephoneSubscriberIdentifier', t156],
      ['medicalSpecialityCode', t157],
    ]),
    attributes: t8,
  },
  index: 2,
};
const t159: unknown = {
  prop: 'hospitalAmbulatoryControl',
  name: 'HospitalAmbulatoryControl',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t144, t145, t158],
    byLocal: new Map<unknown, unknown>([
      ['ExpectedStart', t144],
      ['ExpectedStartText', t145],
      ['Location', t158],
    ]),
    byProp: new Map<unknown, unknown>([
      ['expectedStart', t144],
      ['expectedStartText', t145],
      ['location', t158],
    ]),
    attributes: t8,
  },
  index: 14,
};
const t160: unknown = {
  prop: 'patientHealthSummary',
  name: 'PatientHealthSummary',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'formatted',
  element: undefined,
  index: 15,
};
const t161: unknown = {
  prop: 'abilityAtDischargeSummary',
  name: 'AbilityAtDischargeSummary',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'formatted',
  element: undefined,
  index: 16,
};
const t162: unknown = {
  prop: 'abilityAtDischargeExtended',
  name: 'AbilityAtDischargeExtended',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'formatted',
  element: undefined,
  index: 17,
};
const t163: unknown = {
  prop: 'rehabilitationNeedAndPotential',
  name: 'RehabilitationNeedAndPotential',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'formatted',
  element: undefined,
  index: 18,
};
const t164: unknown = {
  prop: 'code',
  name: 'Code',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t165: unknown = {
  prop: 'typeCode',
  name: 'TypeCode',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t166: unknown = {
  prop: 'text',
  name: 'Text',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t167: unknown = {
  prop: 'primaryDiagnosis',
  name: 'PrimaryDiagnosis',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t164, t165, t166],
    byLocal: new Map<unknown, unknown>([
      ['Code', t164],
      ['TypeCode', t165],
      ['Text', t166],
    ]),
    byProp: new Map<unknown, unknown>([
      ['code', t164],
      ['typeCode', t165],
      ['text', t166],
    ]),
    attributes: t8,
  },
  index: 0,
};
const t168: unknown = {
  prop: 'code',
  name: 'Code',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t169: unknown = {
  prop: 'typeCode',
  name: 'TypeCode',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t170: unknown = {
  prop: 'text',
  name: 'Text',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t171: unknown = {
  prop: 'secondaryDiagnosis',
  name: 'SecondaryDiagnosis',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: Infinity,
  many: true,
  kind: 'object',
  element: {
    children: [t168, t169, t170],
    byLocal: new Map<unknown, unknown>([
      ['Code', t168],
      ['TypeCode', t169],
      ['Text', t170],
    ]),
    byProp: new Map<unknown, unknown>([
      ['code', t168],
      ['typeCode', t169],
      ['text', t170],
    ]),
    attributes: t8,
  },
  index: 1,
};
const t172: unknown = {
  prop: 'icd10Diagnose',
  name: 'ICD10Diagnose',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: Infinity,
  many: true,
  kind: 'object',
  element: {
    children: [t167, t171],
    byLocal: new Map<unknown, unknown>([
      ['PrimaryDiagnosis', t167],
      ['SecondaryDiagnosis', t171],
    ]),
    byProp: new Map<unknown, unknown>([
      ['primaryDiagnosis', t167],
      ['secondaryDiagnosis', t171],
    ]),
    attributes: t8,
  },
  index: 0,
};
const t173: unknown = {
  prop: 'text',
  name: 'Text',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t174: unknown = {
  prop: 'icd10Diagnoses',
  name: 'ICD10Diagnoses',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t172, t173],
    byLocal: new Map<unknown, unknown>([
      ['ICD10Diagnose', t172],
      ['Text', t173],
    ]),
    byProp: new Map<unknown, unknown>([
      ['icd10Diagnose', t172],
      ['text', t173],
    ]),
    attributes: t8,
  },
  index: 19,
};
const t175: unknown = {
  prop: 'code',
  name: 'Code',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t176: unknown = {
  prop: 'typeCode',
  name: 'TypeCode',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t177: unknown = {
  prop: 'text',
  name: 'Text',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t178: unknown = {
  prop: 'icfCode',
  name: 'ICFCode',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t175, t176, t177],
    byLocal: new Map<unknown, unknown>([
      ['Code', t175],
      ['TypeCode', t176],
      ['Text', t177],
    ]),
    byProp: new Map<unknown, unknown>([
      ['code', t175],
      ['typeCode', t176],
      ['text', t177],
    ]),
    attributes: t8,
  },
  index: 0,
};
const t179: unknown = {
  prop: 'code',
  name: 'Code',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t180: unknown = {
  prop: 'typeCode',
  name: 'TypeCode',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t181: unknown = {
  prop: 'text',
  name: 'Text',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t182: unknown = {
  prop: 'icfGradient',
  name: 'ICFGradient',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t179, t180, t181],
    byLocal: new Map<unknown, unknown>([
      ['Code', t179],
      ['TypeCode', t180],
      ['Text', t181],
    ]),
    byProp: new Map<unknown, unknown>([
      ['code', t179],
      ['typeCode', t180],
      ['text', t181],
    ]),
    attributes: t8,
  },
  index: 1,
};
const t183: unknown = {
  prop: 'icfClassification',
  name: 'ICFClassification',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: Infinity,
  many: true,
  kind: 'object',
  element: {
    children: [t178, t182],
    byLocal: new Map<unknown, unknown>([
      ['ICFCode', t178],
      ['ICFGradient', t182],
    ]),
    byProp: new Map<unknown, unknown>([
      ['icfCode', t178],
      ['icfGradient', t182],
    ]),
    attributes: t8,
  },
  index: 0,
};
const t184: unknown = {
  prop: 'icfClassifications',
  name: 'ICFClassifications',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t183],
    byLocal: new Map<unknown, unknown>([['ICFClassification', t183]]),
    byProp: new Map<unknown, unknown>([['icfClassification', t183]]),
    attributes: t8,
  },
  index: 20,
};
const t185: unknown = {
  prop: 'typeOfExcerpt',
  name: 'TypeOfExcerpt',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t186: unknown = {
  prop: 'identifier',
  name: 'Identifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t187: unknown = {
  prop: 'identifierCode',
  name: 'IdentifierCode',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t188: unknown = {
  prop: 'personGivenName',
  name: 'PersonGivenName',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t189: unknown = {
  prop: 'personSurnameName',
  name: 'PersonSurnameName',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 3,
};
const t190: unknown = {
  prop: 'personTitle',
  name: 'PersonTitle',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 4,
};
const t191: unknown = {
  prop: 'telephoneSubscriberIdentifier',
  name: 'TelephoneSubscriberIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 5,
};
const t192: unknown = {
  prop: 'departmentName',
  name: 'DepartmentName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 6,
};
const t193: unknown = {
  prop: 'signedBy',
  name: 'SignedBy',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t186, t187, t188, t189, t190, t191, t192],
    byLocal: new Map<unknown, unknown>([
      ['Identifier', t186],
      ['IdentifierCode', t187],
      ['PersonGivenName', t188],
      ['PersonSurnameName', t189],
      ['PersonTitle', t190],
      ['TelephoneSubscriberIdentifier', t191],
      ['DepartmentName', t192],
    ]),
    byProp: new Map<unknown, unknown>([
      ['identifier', t186],
      ['identifierCode', t187],
      ['personGivenName', t188],
      ['personSurnameName', t189],
      ['personTitle', t190],
      ['telephoneSubscriberIdentifier', t191],
      ['departmentName', t192],
    ]),
    attributes: t8,
  },
  index: 0,
};
const t194: unknown = {
  prop: 'date',
  name: 'Date',
  nsKeys: t132,
  nsUris: t133,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t195: unknown = {
  prop: 'signer',
  name: 'Signer',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t193, t194],
    byLocal: new Map<unknown, unknown>([
      ['SignedBy', t193],
      ['Date', t194],
    ]),
    byProp: new Map<unknown, unknown>([
      ['signedBy', t193],
      ['date', t194],
    ]),
    attributes: t8,
  },
  index: 1,
};
const t196: unknown = {
  prop: 'comment',
  name: 'Comment',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'formatted',
  element: undefined,
  index: 2,
};
const t197: unknown = {
  prop: 'journalExcerpt',
  name: 'JournalExcerpt',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: Infinity,
  many: true,
  kind: 'object',
  element: {
    children: [t185, t195, t196],
    byLocal: new Map<unknown, unknown>([
      ['TypeOfExcerpt', t185],
      ['Signer', t195],
      ['Comment', t196],
    ]),
    byProp: new Map<unknown, unknown>([
      ['typeOfExcerpt', t185],
      ['signer', t195],
      ['comment', t196],
    ]),
    attributes: t8,
  },
  index: 21,
};
const t198: unknown = {
  prop: 'eanIdentifier',
  name: 'EANIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t199: unknown = {
  prop: 'identifier',
  name: 'Identifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t200: unknown = {
  prop: 'identifierCode',
  name: 'IdentifierCode',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t201: unknown = {
  prop: 'organisationName',
  name: 'OrganisationName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 3,
};
const t202: unknown = {
  prop: 'departmentName',
  name: 'DepartmentName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 4,
};
const t203: unknown = {
  prop: 'unitName',
  name: 'UnitName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 5,
};
const t204: unknown = {
  prop: 'streetName',
  name: 'StreetName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 6,
};
const t205: unknown = {
  prop: 'suburbName',
  name: 'SuburbName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 7,
};
const t206: unknown = {
  prop: 'districtName',
  name: 'DistrictName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 8,
};
const t207: unknown = {
  prop: 'postCodeIdentifier',
  name: 'PostCodeIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 9,
};
const t208: unknown = {
  prop: 'telephoneSubscriberIdentifier',
  name: 'TelephoneSubscriberIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 10,
};
const t209: unknown = {
  prop: 'medicalSpecialityCode',
  name: 'MedicalSpecialityCode',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 11,
};
const t210: unknown = {
  prop: 'contactCounty',
  name: 'ContactCounty',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t198, t199, t200, t201, t202, t203, t204, t205, t206, t207, t208, t209],
    byLocal: new Map<unknown, unknown>([
      ['EANIdentifier', t198],
      ['Identifier', t199],
      ['IdentifierCode', t200],
      ['OrganisationName', t201],
      ['DepartmentName', t202],
      ['UnitName', t203],
      ['StreetName', t204],
      ['SuburbName', t205],
      ['DistrictName', t206],
      ['PostCodeIdentifier', t207],
      ['TelephoneSubscriberIdentifier', t208],
      ['MedicalSpecialityCode', t209],
    ]),
    byProp: new Map<unknown, unknown>([
      ['eanIdentifier', t198],
      ['identifier', t199],
      ['identifierCode', t200],
      ['organisationName', t201],
      ['departmentName', t202],
      ['unitName', t203],
      ['streetName', t204],
      ['suburbName', t205],
      ['districtName', t206],
      ['postCodeIdentifier', t207],
      ['telephoneSubscriberIdentifier', t208],
      ['medicalSpecialityCode', t209],
    ]),
    attributes: t8,
  },
  index: 22,
};
const t211: unknown = {
  prop: 'eanIdentifier',
  name: 'EANIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t212: unknown = {
  prop: 'identifier',
  name: 'Identifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t213: unknown = {
  prop: 'identifierCode',
  name: 'IdentifierCode',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t214: unknown = {
  prop: 'organisationName',
  name: 'OrganisationName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 3,
};
const t215: unknown = {
  prop: 'departmentName',
  name: 'DepartmentName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 4,
};
const t216: unknown = {
  prop: 'unitName',
  name: 'UnitName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 5,
};
const t217: unknown = {
  prop: 'streetName',
  name: 'StreetName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 6,
};
const t218: unknown = {
  prop: 'suburbName',
  name: 'SuburbName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 7,
};
const t219: unknown = {
  prop: 'districtName',
  name: 'DistrictName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 8,
};
const t220: unknown = {
  prop: 'postCodeIdentifier',
  name: 'PostCodeIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 9,
};
const t221: unknown = {
  prop: 'telephoneSubscriberIdentifier',
  name: 'TelephoneSubscriberIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 10,
};
const t222: unknown = {
  prop: 'medicalSpecialityCode',
  name: 'MedicalSpecialityCode',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 11,
};
const t223: unknown = {
  prop: 'contactMunicipality',
  name: 'ContactMunicipality',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t211, t212, t213, t214, t215, t216, t217, t218, t219, t220, t221, t222],
    byLocal: new Map<unknown, unknown>([
      ['EANIdentifier', t211],
      ['Identifier', t212],
      ['IdentifierCode', t213],
      ['OrganisationName', t214],
      ['DepartmentName', t215],
      ['UnitName', t216],
      ['StreetName', t217],
      ['SuburbName', t218],
      ['DistrictName', t219],
      ['PostCodeIdentifier', t220],
      ['TelephoneSubscriberIdentifier', t221],
      ['MedicalSpecialityCode', t222],
    ]),
    byProp: new Map<unknown, unknown>([
      ['eanIdentifier', t211],
      ['identifier', t212],
      ['identifierCode', t213],
      ['organisationName', t214],
      ['departmentName', t215],
      ['unitName', t216],
      ['streetName', t217],
      ['suburbName', t218],
      ['districtName', t219],
      ['postCodeIdentifier', t220],
      ['telephoneSubscriberIdentifier', t221],
      ['medicalSpecialityCode', t222],
    ]),
    attributes: t8,
  },
  index: 23,
};
const t224: unknown = {
  prop: 'identifier',
  name: 'Identifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t225: unknown = {
  prop: 'identifierCode',
  name: 'IdentifierCode',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t226: unknown = {
  prop: 'personGivenName',
  name: 'PersonGivenName',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t227: unknown = {
  prop: 'personSurnameName',
  name: 'PersonSurnameName',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 3,
};
const t228: unknown = {
  prop: 'personTitle',
  name: 'PersonTitle',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 4,
};
const t229: unknown = {
  prop: 'telephoneSubscriberIdentifier',
  name: 'TelephoneSubscriberIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 5,
};
const t230: unknown = {
  prop: 'departmentName',
  name: 'DepartmentName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 6,
};
const t231: unknown = {
  prop: 'member',
  name: 'Member',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: Infinity,
  many: true,
  kind: 'object',
  element: {
    children: [t224, t225, t226, t227, t228, t229, t230],
    byLocal: new Map<unknown, unknown>([
      ['Identifier', t224],
      ['IdentifierCode', t225],
      ['PersonGivenName', t226],
      ['PersonSurnameName', t227],
      ['PersonTitle', t228],
      ['TelephoneSubscriberIdentifier', t229],
      ['DepartmentName', t230],
    ]),
    byProp: new Map<unknown, unknown>([
      ['identifier', t224],
      ['identifierCode', t225],
      ['personGivenName', t226],
      ['personSurnameName', t227],
      ['personTitle', t228],
      ['telephoneSubscriberIdentifier', t229],
      ['departmentName', t230],
    ]),
    attributes: t8,
  },
  index: 0,
};
const t232: unknown = {
  prop: 'healthCareTeam',
  name: 'HealthCareTeam',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t231],
    byLocal: new Map<unknown, unknown>([['Member', t231]]),
    byProp: new Map<unknown, unknown>([['member', t231]]),
    attributes: t8,
  },
  index: 24,
};
const t233: unknown = {
  prop: 'eanIdentifier',
  name: 'EANIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t234: unknown = {
  prop: 'identifier',
  name: 'Identifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t235: unknown = {
  prop: 'identifierCode',
  name: 'IdentifierCode',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 2,
};
const t236: unknown = {
  prop: 'organisationName',
  name: 'OrganisationName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 3,
};
const t237: unknown = {
  prop: 'departmentName',
  name: 'DepartmentName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 4,
};
const t238: unknown = {
  prop: 'unitName',
  name: 'UnitName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 5,
};
const t239: unknown = {
  prop: 'streetName',
  name: 'StreetName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 6,
};
const t240: unknown = {
  prop: 'suburbName',
  name: 'SuburbName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 7,
};
const t241: unknown = {
  prop: 'districtName',
  name: 'DistrictName',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 8,
};
const t242: unknown = {
  prop: 'postCodeIdentifier',
  name: 'PostCodeIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 9,
};
const t243: unknown = {
  prop: 'telephoneSubscriberIdentifier',
  name: 'TelephoneSubscriberIdentifier',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 10,
};
const t244: unknown = {
  prop: 'medicalSpecialityCode',
  name: 'MedicalSpecialityCode',
  nsKeys: t2,
  nsUris: t3,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 11,
};
const t245: unknown = {
  prop: 'resultReceiver',
  name: 'ResultReceiver',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 5,
  many: true,
  kind: 'object',
  element: {
    children: [t233, t234, t235, t236, t237, t238, t239, t240, t241, t242, t243, t244],
    byLocal: new Map<unknown, unknown>([
      ['EANIdentifier', t233],
      ['Identifier', t234],
      ['IdentifierCode', t235],
      ['OrganisationName', t236],
      ['DepartmentName', t237],
      ['UnitName', t238],
      ['StreetName', t239],
      ['SuburbName', t240],
      ['DistrictName', t241],
      ['PostCodeIdentifier', t242],
      ['TelephoneSubscriberIdentifier', t243],
      ['MedicalSpecialityCode', t244],
    ]),
    byProp: new Map<unknown, unknown>([
      ['eanIdentifier', t233],
      ['identifier', t234],
      ['identifierCode', t235],
      ['organisationName', t236],
      ['departmentName', t237],
      ['unitName', t238],
      ['streetName', t239],
      ['suburbName', t240],
      ['districtName', t241],
      ['postCodeIdentifier', t242],
      ['telephoneSubscriberIdentifier', t243],
      ['medicalSpecialityCode', t244],
    ]),
    attributes: t8,
  },
  index: 0,
};
const t246: unknown = {
  prop: 'finalResult',
  name: 'FinalResult',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [t245],
    byLocal: new Map<unknown, unknown>([['ResultReceiver', t245]]),
    byProp: new Map<unknown, unknown>([['resultReceiver', t245]]),
    attributes: t8,
  },
  index: 25,
};
const t247: unknown = {
  prop: 'refDescription',
  name: 'RefDescription',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 0,
};
const t248: unknown = {
  prop: 'url',
  name: 'URL',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: 1,
  many: false,
  kind: 'text',
  element: undefined,
  index: 1,
};
const t249: unknown = {
  prop: 'reference',
  name: 'Reference',
  nsKeys: t0,
  nsUris: t1,
  min: 0,
  max: Infinity,
  many: true,
  kind: 'object',
  element: {
    children: [t247, t248],
    byLocal: new Map<unknown, unknown>([
      ['RefDescription', t247],
      ['URL', t248],
    ]),
    byProp: new Map<unknown, unknown>([
      ['refDescription', t247],
      ['url', t248],
    ]),
    attributes: t8,
  },
  index: 26,
};
const t250: unknown = {
  prop: 'rehabilitationPlan',
  name: 'RehabilitationPlan',
  nsKeys: t0,
  nsUris: t1,
  min: 1,
  max: 1,
  many: false,
  kind: 'object',
  element: {
    children: [
      t21,
      t50,
      t63,
      t78,
      t91,
      t112,
      t125,
      t126,
      t127,
      t128,
      t129,
      t130,
      t131,
      t141,
      t159,
      t160,
      t161,
      t162,
      t163,
      t174,
      t184,
      t197,
      t210,
      t223,
      t232,
      t246,
      t249,
    ],
    byLocal: new Map<unknown, unknown>([
      ['Letter', t21],
      ['Sender', t50],
      ['Receiver', t63],
      ['GPCCReceiver', t78],
      ['CCReceiver', t91],
      ['Patient', t112],
      ['Relatives', t125],
      ['TypeOfRehabilitationPlan', t126],
      ['InformationForPatientAndRelatives', t127],
      ['ConsentInformed', t128],
      ['PracticalInformation', t129],
      ['PatientSafetyAspects', t130],
      ['RehabilitationDeadline', t131],
      ['CurrentHospitalContact', t141],
      ['HospitalAmbulatoryControl', t159],
      ['PatientHealthSummary', t160],
      ['AbilityAtDischargeSummary', t161],
      ['AbilityAtDischargeExtended', t162],
      ['RehabilitationNeedAndPotential', t163],
      ['ICD10Diagnoses', t174],
      ['ICFClassifications', t184],
      ['JournalExcerpt', t197],
      ['ContactCounty', t210],
      ['ContactMunicipality', t223],
      ['HealthCareTeam', t232],
      ['FinalResult', t246],
      ['Reference', t249],
    ]),
    byProp: new Map<unknown, unknown>([
      ['letter', t21],
      ['sender', t50],
      ['receiver', t63],
      ['gpccReceiver', t78],
      ['ccReceiver', t91],
      ['patient', t112],
      ['relatives', t125],
      ['typeOfRehabilitationPlan', t126],
      ['informationForPatientAndRelatives', t127],
      ['consentInformed', t128],
      ['practicalInformation', t129],
      ['patientSafetyAspects', t130],
      ['rehabilitationDeadline', t131],
      ['currentHospitalContact', t141],
      ['hospitalAmbulatoryControl', t159],
      ['patientHealthSummary', t160],
      ['abilityAtDischargeSummary', t161],
      ['abilityAtDischargeExtended', t162],
      ['rehabilitationNeedAndPotential', t163],
      ['icd10Diagnoses', t174],
      ['icfClassifications', t184],
      ['journalExcerpt', t197],
      ['contactCounty', t210],
      ['contactMunicipality', t223],
      ['healthCareTeam', t232],
      ['finalResult', t246],
      ['reference', t249],
    ]),
    attributes: t8,
  },
  index: 1,
};
const t251: unknown = { facts: { format: 'date' }, children: undefined };
const t252: unknown = { facts: { format: 'time' }, children: undefined };
const t253: unknown = {
  facts: undefined,
  children: {
    byProp: new Map<unknown, unknown>([
      ['date', t251],
      ['time', t252],
    ]),
    byName: new Map<unknown, unknown>([
      ['Date', t251],
      ['Time', t252],
    ]),
  },
};
const t254: unknown = { facts: undefined, children: undefined };
const t255: unknown = { facts: { codeList: 'AcknowledgementCode' }, children: undefined };
const t256: unknown = {
  facts: { section: 'plan' },
  children: {
    byProp: new Map<unknown, unknown>([
      ['sent', t253],
      ['identifier', t254],
      ['acknowledgementCode', t255],
    ]),
    byName: new Map<unknown, unknown>([
      ['Sent', t253],
      ['Identifier', t254],
      ['AcknowledgementCode', t255],
    ]),
  },
};
const t257: unknown = { facts: undefined, children: undefined };
const t258: unknown = { facts: { codeList: 'VersionCode' }, children: undefined };
const t259: unknown = { facts: undefined, children: undefined };
const t260: unknown = { facts: { format: 'date' }, children: undefined };
const t261: unknown = { facts: { format: 'time' }, children: undefined };
const t262: unknown = {
  facts: undefined,
  children: {
    byProp: new Map<unknown, unknown>([
      ['date', t260],
      ['time', t261],
    ]),
    byName: new Map<unknown, unknown>([
      ['Date', t260],
      ['Time', t261],
    ]),
  },
};
const t263: unknown = { facts: { codeList: 'LetterTypeCode' }, children: undefined };
const t264: unknown = { facts: undefined, children: undefined };
const t265: unknown = {
  facts: { section: 'plan' },
  children: {
    byProp: new Map<unknown, unknown>([
      ['identifier', t257],
      ['versionCode', t258],
      ['statisticalCode', t259],
      ['authorisation', t262],
      ['typeCode', t263],
      ['episodeOfCareIdentifier', t264],
    ]),
    byName: new Map<unknown, unknown>([
      ['Identifier', t257],
      ['VersionCode', t258],
      ['StatisticalCode', t259],
      ['Authorisation', t262],
      ['TypeCode', t263],
      ['EpisodeOfCareIdentifier', t264],
    ]),
  },
};
const t266: unknown = { facts: { format: 'gln' }, children: undefined };
const t267: unknown = { facts: undefined, children: undefined };
const t268: unknown = { facts: { codeList: 'IdentifierCode' }, children: undefined };
const t269: unknown = { facts: undefined, children: undefined };
const t270: unknown = { facts: undefined, children: undefined };
const t271: unknown = { facts: undefined, children: undefined };
const t272: unknown = { facts: { personal: 'address' }, children: undefined };
const t273: unknown = { facts: undefined, children: undefined };
const t274: unknown = { facts: undefined, children: undefined };
const t275: unknown = { facts: { format: 'postcode' }, children: undefined };
const t276: unknown = { facts: { format: 'phone', personal: 'number' }, children: undefined };
const t277: unknown = { facts: undefined, children: undefined };
const t278: unknown = { facts: undefined, children: undefined };
const t279: unknown = { facts: { codeList: 'IdentifierCode' }, children: undefined };
const t280: unknown = { facts: { personal: 'name' }, children: undefined };
const t281: unknown = { facts: { personal: 'name' }, children: undefined };
const t282: unknown = { facts: undefined, children: undefined };
const t283: unknown = { facts: { format: 'phone', personal: 'number' }, children: undefined };
const t284: unknown = { facts: undefined, children: undefined };
const t285: unknown = {
  byProp: new Map<unknown, unknown>([
    ['identifier', t278],
    ['identifierCode', t279],
    ['personGivenName', t280],
    ['personSurnameName', t281],
    ['personTitle', t282],
    ['telephoneSubscriberIdentifier', t283],
    ['departmentName', t284],
  ]),
  byName: new Map<unknown, unknown>([
    ['Identifier', t278],
    ['IdentifierCode', t279],
    ['PersonGivenName', t280],
    ['PersonSurnameName', t281],
    ['PersonTitle', t282],
    ['TelephoneSubscriberIdentifier', t283],
    ['DepartmentName', t284],
  ]),
};
const t286: unknown = { facts: { section: 'signers' }, children: t285 };
const t287: unknown = { facts: { section: 'signers' }, children: t285 };
const t288: unknown = {
  facts: { section: 'plan' },
  children: {
    byProp: new Map<unknown, unknown>([
      ['eanIdentifier', t266],
      ['identifier', t267],
      ['identifierCode', t268],
      ['organisationName', t269],
      ['departmentName', t270],
      ['unitName', t271],
      ['streetName', t272],
      ['suburbName', t273],
      ['districtName', t274],
      ['postCodeIdentifier', t275],
      ['telephoneSubscriberIdentifier', t276],
      ['medicalSpecialityCode', t277],
      ['signedBy', t286],
      ['coWriter', t287],
    ]),
    byName: new Map<unknown, unknown>([
      ['EANIdentifier', t266],
      ['Identifier', t267],
      ['IdentifierCode', t268],
      ['OrganisationName', t269],
      ['DepartmentName', t270],
      ['UnitName', t271],
      ['StreetName', t272],
      ['SuburbName', t273],
      ['DistrictName', t274],
      ['PostCodeIdentifier', t275],
      ['TelephoneSubscriberIdentifier', t276],
      ['MedicalSpecialityCode', t277],
      ['SignedBy', t286],
      ['CoWriter', t287],
    ]),
  },
};
const t289: unknown = { facts: { format: 'gln' }, children: undefined };
const t290: unknown = { facts: undefined, children: undefined };
const t291: unknown = { facts: { codeList: 'IdentifierCode' }, children: undefined };
const t292: unknown = { facts: undefined, children: undefined };
const t293: unknown = { facts: undefined, children: undefined };
const t294: unknown = { facts: undefined, children: undefined };
const t295: unknown = { facts: { personal: 'address' }, children: undefined };
const t296: unknown = { facts: undefined, children: undefined };
const t297: unknown = { facts: undefined, children: undefined };
const t298: unknown = { facts: { format: 'postcode' }, children: undefined };
const t299: unknown = { facts: { format: 'phone', personal: 'number' }, children: undefined };
const t300: unknown = { facts: undefined, children: undefined };
const t301: unknown = {
  byProp: new Map<unknown, unknown>([
    ['eanIdentifier', t289],
    ['identifier', t290],
    ['identifierCode', t291],
    ['organisationName', t292],
    ['departmentName', t293],
    ['unitName', t294],
    ['streetName', t295],
    ['suburbName', t296],
    ['districtName', t297],
    ['postCodeIdentifier', t298],
    ['telephoneSubscriberIdentifier', t299],
    ['medicalSpecialityCode', t300],
  ]),
  byName: new Map<unknown, unknown>([
    ['EANIdentifier', t289],
    ['Identifier', t290],
    ['IdentifierCode', t291],
    ['OrganisationName', t292],
    ['DepartmentName', t293],
    ['UnitName', t294],
    ['StreetName', t295],
    ['SuburbName', t296],
    ['DistrictName', t297],
    ['PostCodeIdentifier', t298],
    ['TelephoneSubscriberIdentifier', t299],
    ['MedicalSpecialityCode', t300],
  ]),
};
const t302: unknown = { facts: { section: 'receivers' }, children: t301 };
const t303: unknown = { facts: undefined, children: t301 };
const t304: unknown = { facts: undefined, children: undefined };
const t305: unknown = {
  facts: { section: 'receivers' },
  children: {
    byProp: new Map<unknown, unknown>([
      ['ccReceiver', t303],
      ['deselected', t304],
    ]),
    byName: new Map<unknown, unknown>([
      ['CCReceiver', t303],
      ['Deselected', t304],
    ]),
  },
};
const t306: unknown = { facts: { section: 'receivers' }, children: t301 };
const t307: unknown = { facts: { format: 'cpr', personal: 'cpr' }, children: undefined };
const t308: unknown = { facts: { personal: 'name' }, children: undefined };
const t309: unknown = { facts: { personal: 'name' }, children: undefined };
const t310: unknown = { facts: { personal: 'address' }, children: undefined };
const t311: unknown = { facts: undefined, children: undefined };
const t312: unknown = { facts: undefined, children: undefined };
const t313: unknown = { facts: { format: 'postcode' }, children: undefined };
const t314: unknown = { facts: undefined, children: undefined };
const t315: unknown = { facts: { format: 'phone', personal: 'number' }, children: undefined };
const t316: unknown = { facts: { codeList: 'TelephoneSubscriberCode' }, children: undefined };
const t317: unknown = {
  byProp: new Map<unknown, unknown>([
    ['telephoneSubscriberIdentifier', t315],
    ['telephoneSubscriberCode', t316],
  ]),
  byName: new Map<unknown, unknown>([
    ['TelephoneSubscriberIdentifier', t315],
    ['TelephoneSubscriberCode', t316],
  ]),
};
const t318: unknown = { facts: undefined, children: t317 };
const t319: unknown = { facts: { personal: 'text' }, children: undefined };
const t320: unknown = { facts: { format: 'email', personal: 'text' }, children: undefined };
const t321: unknown = { facts: { personal: 'name' }, children: undefined };
const t322: unknown = { facts: { personal: 'name' }, children: undefined };
const t323: unknown = { facts: { personal: 'address' }, children: undefined };
const t324: unknown = { facts: undefined, children: undefined };
const t325: unknown = { facts: undefined, children: undefined };
const t326: unknown = { facts: { format: 'postcode' }, children: undefined };
const t327: unknown = {
  facts: undefined,
  children: {
    byProp: new Map<unknown, unknown>([
      ['personSurnameName', t321],
      ['personGivenName', t322],
      ['streetName', t323],
      ['suburbName', t324],
      ['districtName', t325],
      ['postCodeIdentifier', t326],
    ]),
    byName: new Map<unknown, unknown>([
      ['PersonSurnameName', t321],
      ['PersonGivenName', t322],
      ['StreetName', t323],
      ['SuburbName', t324],
      ['DistrictName', t325],
      ['PostCodeIdentifier', t326],
    ]),
  },
};
const t328: unknown = {
  facts: { section: 'patient' },
  children: {
    byProp: new Map<unknown, unknown>([
      ['civilRegistrationNumber', t307],
      ['personSurnameName', t308],
      ['personGivenName', t309],
      ['streetName', t310],
      ['suburbName', t311],
      ['districtName', t312],
      ['postCodeIdentifier', t313],
      ['occupation', t314],
      ['telephoneSubscriber', t318],
      ['noTelephoneReason', t319],
      ['emailAddressIdentifier', t320],
      ['coAddress', t327],
    ]),
    byName: new Map<unknown, unknown>([
      ['CivilRegistrationNumber', t307],
      ['PersonSurnameName', t308],
      ['PersonGivenName', t309],
      ['StreetName', t310],
      ['SuburbName', t311],
      ['DistrictName', t312],
      ['PostCodeIdentifier', t313],
      ['Occupation', t314],
      ['TelephoneSubscriber', t318],
      ['NoTelephoneReason', t319],
      ['EmailAddressIdentifier', t320],
      ['CoAddress', t327],
    ]),
  },
};
const t329: unknown = { facts: { codeList: 'RelationCode' }, children: undefined };
const t330: unknown = { facts: { personal: 'name' }, children: undefined };
const t331: unknown = { facts: { personal: 'name' }, children: undefined };
const t332: unknown = { facts: { personal: 'address' }, children: undefined };
const t333: unknown = { facts: undefined, children: undefined };
const t334: unknown = { facts: undefined, children: undefined };
const t335: unknown = { facts: { format: 'postcode' }, children: undefined };
const t336: unknown = { facts: undefined, children: t317 };
const t337: unknown = { facts: { format: 'email', personal: 'text' }, children: undefined };
const t338: unknown = {
  facts: undefined,
  children: {
    byProp: new Map<unknown, unknown>([
      ['relationCode', t329],
      ['personSurnameName', t330],
      ['personGivenName', t331],
      ['streetName', t332],
      ['suburbName', t333],
      ['districtName', t334],
      ['postCodeIdentifier', t335],
      ['telephoneSubscriber', t336],
      ['emailAddressIdentifier', t337],
    ]),
    byName: new Map<unknown, unknown>([
      ['RelationCode', t329],
      ['PersonSurnameName', t330],
      ['PersonGivenName', t331],
      ['StreetName', t332],
      ['SuburbName', t333],
      ['DistrictName', t334],
      ['PostCodeIdentifier', t335],
      ['TelephoneSubscriber', t336],
      ['EmailAddressIdentifier', t337],
    ]),
  },
};
const t339: unknown = {
  facts: { section: 'relatives' },
  children: { byProp: new Map<unknown, unknown>([['relative', t338]]), byName: new Map<unknown, unknown>([['Relative', t338]]) },
};
const t340: unknown = { facts: { codeList: 'TypeOfRehabilitationPlan', section: 'plan' }, children: undefined };
const t341: unknown = {
  byProp: new Map<unknown, unknown>([
    ['text', { facts: undefined, children: undefined }],
    ['content', { facts: undefined, children: undefined }],
  ]),
  byName: new Map<unknown, unknown>([]),
};
const t342: unknown = { facts: { section: 'information' }, children: t341 };
const t343: unknown = { facts: { codeList: 'ConsentInformed', section: 'consent' }, children: undefined };
const t344: unknown = { facts: { section: 'practical' }, children: t341 };
const t345: unknown = { facts: { section: 'safety' }, children: t341 };
const t346: unknown = { facts: { section: 'deadline' }, children: undefined };
const t347: unknown = { facts: { format: 'date' }, children: undefined };
const t348: unknown = { facts: { format: 'time' }, children: undefined };
const t349: unknown = {
  facts: undefined,
  children: {
    byProp: new Map<unknown, unknown>([
      ['date', t347],
      ['time', t348],
    ]),
    byName: new Map<unknown, unknown>([
      ['Date', t347],
      ['Time', t348],
    ]),
  },
};
const t350: unknown = { facts: { format: 'date' }, children: undefined };
const t351: unknown = { facts: { format: 'time' }, children: undefined };
const t352: unknown = {
  facts: undefined,
  children: {
    byProp: new Map<unknown, unknown>([
      ['date', t350],
      ['time', t351],
    ]),
    byName: new Map<unknown, unknown>([
      ['Date', t350],
      ['Time', t351],
    ]),
  },
};
const t353: unknown = { facts: undefined, children: undefined };
const t354: unknown = {
  facts: { section: 'hospital-contact' },
  children: {
    byProp: new Map<unknown, unknown>([
      ['start', t349],
      ['expectedEnd', t352],
      ['expectedEndText', t353],
    ]),
    byName: new Map<unknown, unknown>([
      ['Start', t349],
      ['ExpectedEnd', t352],
      ['ExpectedEndText', t353],
    ]),
  },
};
const t355: unknown = { facts: { format: 'date' }, children: undefined };
const t356: unknown = { facts: { format: 'time' }, children: undefined };
const t357: unknown = {
  facts: undefined,
  children: {
    byProp: new Map<unknown, unknown>([
      ['date', t355],
      ['time', t356],
    ]),
    byName: new Map<unknown, unknown>([
      ['Date', t355],
      ['Time', t356],
    ]),
  },
};
const t358: unknown = { facts: undefined, children: undefined };
const t359: unknown = { facts: undefined, children: t301 };
const t360: unknown = {
  facts: { section: 'follow-up' },
  children: {
    byProp: new Map<unknown, unknown>([
      ['expectedStart', t357],
      ['expectedStartText', t358],
      ['location', t359],
    ]),
    byName: new Map<unknown, unknown>([
      ['ExpectedStart', t357],
      ['ExpectedStartText', t358],
      ['Location', t359],
    ]),
  },
};
const t361: unknown = { facts: { section: 'health' }, children: t341 };
const t362: unknown = { facts: { section: 'ability' }, children: t341 };
const t363: unknown = { facts: { section: 'ability' }, children: t341 };
const t364: unknown = { facts: { section: 'need' }, children: t341 };
const t365: unknown = { facts: { format: 'sksDiagnosis' }, children: undefined };
const t366: unknown = { facts: { codeList: 'DiagnosisTypeCode' }, children: undefined };
const t367: unknown = { facts: undefined, children: undefined };
const t368: unknown = {
  byProp: new Map<unknown, unknown>([
    ['code', t365],
    ['typeCode', t366],
    ['text', t367],
  ]),
  byName: new Map<unknown, unknown>([
    ['Code', t365],
    ['TypeCode', t366],
    ['Text', t367],
  ]),
};
const t369: unknown = { facts: undefined, children: t368 };
const t370: unknown = { facts: undefined, children: t368 };
const t371: unknown = {
  facts: undefined,
  children: {
    byProp: new Map<unknown, unknown>([
      ['primaryDiagnosis', t369],
      ['secondaryDiagnosis', t370],
    ]),
    byName: new Map<unknown, unknown>([
      ['PrimaryDiagnosis', t369],
      ['SecondaryDiagnosis', t370],
    ]),
  },
};
const t372: unknown = { facts: undefined, children: undefined };
const t373: unknown = {
  facts: { section: 'diagnoses' },
  children: {
    byProp: new Map<unknown, unknown>([
      ['icd10Diagnose', t371],
      ['text', t372],
    ]),
    byName: new Map<unknown, unknown>([
      ['ICD10Diagnose', t371],
      ['Text', t372],
    ]),
  },
};
const t374: unknown = { facts: { format: 'icf' }, children: undefined };
const t375: unknown = { facts: { codeList: 'IcfTypeCode' }, children: undefined };
const t376: unknown = { facts: undefined, children: undefined };
const t377: unknown = {
  byProp: new Map<unknown, unknown>([
    ['code', t374],
    ['typeCode', t375],
    ['text', t376],
  ]),
  byName: new Map<unknown, unknown>([
    ['Code', t374],
    ['TypeCode', t375],
    ['Text', t376],
  ]),
};
const t378: unknown = { facts: undefined, children: t377 };
const t379: unknown = { facts: undefined, children: t377 };
const t380: unknown = {
  facts: undefined,
  children: {
    byProp: new Map<unknown, unknown>([
      ['icfCode', t378],
      ['icfGradient', t379],
    ]),
    byName: new Map<unknown, unknown>([
      ['ICFCode', t378],
      ['ICFGradient', t379],
    ]),
  },
};
const t381: unknown = {
  facts: { section: 'icf' },
  children: {
    byProp: new Map<unknown, unknown>([['icfClassification', t380]]),
    byName: new Map<unknown, unknown>([['ICFClassification', t380]]),
  },
};
const t382: unknown = { facts: undefined, children: undefined };
const t383: unknown = { facts: undefined, children: t285 };
const t384: unknown = { facts: { format: 'date' }, children: undefined };
const t385: unknown = {
  facts: undefined,
  children: {
    byProp: new Map<unknown, unknown>([
      ['signedBy', t383],
      ['date', t384],
    ]),
    byName: new Map<unknown, unknown>([
      ['SignedBy', t383],
      ['Date', t384],
    ]),
  },
};
const t386: unknown = { facts: undefined, children: t341 };
const t387: unknown = {
  facts: { section: 'journal' },
  children: {
    byProp: new Map<unknown, unknown>([
      ['typeOfExcerpt', t382],
      ['signer', t385],
      ['comment', t386],
    ]),
    byName: new Map<unknown, unknown>([
      ['TypeOfExcerpt', t382],
      ['Signer', t385],
      ['Comment', t386],
    ]),
  },
};
const t388: unknown = { facts: { section: 'contacts' }, children: t301 };
const t389: unknown = { facts: { section: 'contacts' }, children: t301 };
const t390: unknown = { facts: undefined, children: t285 };
const t391: unknown = {
  facts: { section: 'team' },
  children: { byProp: new Map<unknown, unknown>([['member', t390]]), byName: new Map<unknown, unknown>([['Member', t390]]) },
};
const t392: unknown = { facts: undefined, children: t301 };
const t393: unknown = {
  facts: { section: 'final-result' },
  children: {
    byProp: new Map<unknown, unknown>([['resultReceiver', t392]]),
    byName: new Map<unknown, unknown>([['ResultReceiver', t392]]),
  },
};
const t394: unknown = { facts: undefined, children: undefined };
const t395: unknown = { facts: undefined, children: undefined };
const t396: unknown = {
  facts: { section: 'references' },
  children: {
    byProp: new Map<unknown, unknown>([
      ['refDescription', t394],
      ['url', t395],
    ]),
    byName: new Map<unknown, unknown>([
      ['RefDescription', t394],
      ['URL', t395],
    ]),
  },
};
const t397: unknown = {
  facts: undefined,
  children: {
    byProp: new Map<unknown, unknown>([
      ['letter', t265],
      ['sender', t288],
      ['receiver', t302],
      ['gpccReceiver', t305],
      ['ccReceiver', t306],
      ['patient', t328],
      ['relatives', t339],
      ['typeOfRehabilitationPlan', t340],
      ['informationForPatientAndRelatives', t342],
      ['consentInformed', t343],
      ['practicalInformation', t344],
      ['patientSafetyAspects', t345],
      ['rehabilitationDeadline', t346],
      ['currentHospitalContact', t354],
      ['hospitalAmbulatoryControl', t360],
      ['patientHealthSummary', t361],
      ['abilityAtDischargeSummary', t362],
      ['abilityAtDischargeExtended', t363],
      ['rehabilitationNeedAndPotential', t364],
      ['icd10Diagnoses', t373],
      ['icfClassifications', t381],
      ['journalExcerpt', t387],
      ['contactCounty', t388],
      ['contactMunicipality', t389],
      ['healthCareTeam', t391],
      ['finalResult', t393],
      ['reference', t396],
    ]),
    byName: new Map<unknown, unknown>([
      ['Letter', t265],
      ['Sender', t288],
      ['Receiver', t302],
      ['GPCCReceiver', t305],
      ['CCReceiver', t306],
      ['Patient', t328],
      ['Relatives', t339],
      ['TypeOfRehabilitationPlan', t340],
      ['InformationForPatientAndRelatives', t342],
      ['ConsentInformed', t343],
      ['PracticalInformation', t344],
      ['PatientSafetyAspects', t345],
      ['RehabilitationDeadline', t346],
      ['CurrentHospitalContact', t354],
      ['HospitalAmbulatoryControl', t360],
      ['PatientHealthSummary', t361],
      ['AbilityAtDischargeSummary', t362],
      ['AbilityAtDischargeExtended', t363],
      ['RehabilitationNeedAndPotential', t364],
      ['ICD10Diagnoses', t373],
      ['ICFClassifications', t381],
      ['JournalExcerpt', t387],
      ['ContactCounty', t388],
      ['ContactMunicipality', t389],
      ['HealthCareTeam', t391],
      ['FinalResult', t393],
      ['Reference', t396],
    ]),
  },
};
export const MODEL_TABLE: unknown = {
  spec: {
    prop: '',
    name: 'Emessage',
    nsKeys: t0,
    nsUris: t1,
    min: 1,
    max: 1,
    many: false,
    kind: 'object',
    element: {
      children: [t12, t250],
      byLocal: new Map<unknown, unknown>([
        ['Envelope', t12],
        ['RehabilitationPlan', t250],
      ]),
      byProp: new Map<unknown, unknown>([
        ['envelope', t12],
        ['rehabilitationPlan', t250],
      ]),
      attributes: t8,
    },
    index: -1,
  },
  facts: {
    facts: undefined,
    children: {
      byProp: new Map<unknown, unknown>([
        ['envelope', t256],
        ['rehabilitationPlan', t397],
        [
          'extraElements',
          {
            facts: undefined,
            children: {
              byProp: new Map<unknown, unknown>([
                ['path', { facts: undefined, children: undefined }],
                ['reason', { facts: undefined, children: undefined }],
                ['namespace', { facts: undefined, children: undefined }],
                ['name', { facts: undefined, children: undefined }],
                ['xml', { facts: undefined, children: undefined }],
                ['namespaces', { facts: undefined, children: undefined }],
                [
                  'inline',
                  {
                    facts: undefined,
                    children: {
                      byProp: new Map<unknown, unknown>([
                        ['at', { facts: undefined, children: undefined }],
                        ['span', { facts: undefined, children: undefined }],
                      ]),
                      byName: new Map<unknown, unknown>([]),
                    },
                  },
                ],
              ]),
              byName: new Map<unknown, unknown>([]),
            },
          },
        ],
      ]),
      byName: new Map<unknown, unknown>([
        ['Envelope', t256],
        ['RehabilitationPlan', t397],
      ]),
    },
  },
};
