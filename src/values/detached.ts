/**
 * A copy of `text` that shares no memory with the string it came from. V8 keeps a substring of 13 or more characters
 * as a view into its parent: a sender EAN kept from a plan would keep the whole plan's text alive. What a long-lived
 * structure keeps from a message (a summary's keys over 20,000 plans) is copied first.
 */
export const detached = (text: string): string => JSON.parse(JSON.stringify(text)) as string;
