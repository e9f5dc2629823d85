import type { LocatedText } from './source';

/** One `key = value` as read from the input, before any interpretation. */
export interface RawSetting {
  key: string;
  value: LocatedText;
  line: number;
  column: number;
}

/** `# odradek.<name> = value` comment lines: Odradek-only fields carried by exports, invisible to other tools. */
export interface Directive {
  name: string;
  value: string;
  line: number;
}

export const directivePattern = /^\s*[#!]\s*odradek\.([A-Za-z0-9_.-]+)\s*=\s?(.*)$/;
