import { escapeXml as escapeXmlText } from '../xml/escape';

/** For reports: characters XML 1.0 forbids are dropped first (a report must stay well-formed whatever it quotes). */
export function escapeXml(text: string): string {
  return escapeXmlText(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''), true);
}
