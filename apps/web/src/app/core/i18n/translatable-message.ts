/** A message to show to a person: a translation key and its interpolation parameters. */
export interface TranslatableMessage {
  key: string;
  params?: Record<string, string | number>;
}
