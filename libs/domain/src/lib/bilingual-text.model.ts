/**
 * A text shown to people, in French (the default language of the product) and English.
 */
export interface BilingualText {
  readonly fr: string;
  readonly en: string;
}
