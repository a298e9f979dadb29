/** The same nested keys as T, every leaf a string: a translation must have exactly the source's keys. */
export type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

/** A resource tree: nested objects of strings. */
export interface Resource {
  [key: string]: string | Resource;
}
