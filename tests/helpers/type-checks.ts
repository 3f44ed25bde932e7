/** `true` when `A` and `B` are mutually assignable. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Compiles only when `T` is `true`. */
export type Assert<T extends true> = T;

/** The keys of `T` that are not optional. */
export type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/** The decoded arguments of a read. */
export type ArgsOfRead<O> = O extends { result(body: infer _Body, args: infer A, scope: infer _Scope): unknown } ? A : never;

/** The result of a read. */
export type ResultOfRead<O> = O extends { result(...args: never[]): infer R } ? R : never;
