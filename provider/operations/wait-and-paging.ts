/*
 * The parts of a read's description that say how it runs beyond one request: waiting on the task it
 * describes (`waitFor`) and following a list's pages. A leaf: the description (./describe.ts) and the
 * operation built from it (./operation.ts) both import it.
 */

/** A query string's parameters, by name. */
export type Query = Readonly<Record<string, string>>;

/**
 * How a list read follows the vendor's pages: every page is fetched (each with its own retries),
 * up to {@link maxItems}, and merged into one body before the result is built.
 */
export interface ListPaging<Body, A> {
    /** The query of the first page. */
    first(args: A): Query;
    /** The query of the page after `body`, given how many items came so far; undefined after the last page. */
    next(body: Body, fetched: number, args: A): Query | undefined;
    /** The items of one page. */
    items(body: Body): readonly unknown[];
    /** One body holding the items of every page, in order. */
    merge(pages: readonly Body[]): Body;
    /** The most items a list may hold: past it the read fails, asking to narrow it with {@link narrowBy}. */
    readonly maxItems: number;
    /** What the items are, in messages: `tasks`. */
    readonly noun: string;
    /** The arguments that narrow the list, for that message. */
    readonly narrowBy: readonly string[];
}

/** How to wait on a task a read describes (its `waitFor` argument). */
export interface TaskWait<R> {
    /** The phase of a result, e.g. `RUNNING`; `waitFor.phase` names phases. */
    phaseOf(result: R): string;
    /** The full status, which `waitFor.phase` may name too (e.g. `SUCCESS_RESET`); by default the phase. */
    statusOf?(result: R): string;
    /**
     * The phases the vendor's page lists (the description's `values` of the phase field): a phase
     * outside them, seen twice in a row, is warned about once. Undefined when the page lists none.
     */
    readonly known?: readonly string[];
    /** Phases after which the task does not change: the wait ends there (compared trimmed and upper-cased). */
    readonly terminal: readonly string[];
    /** Terminal phases that fail the read, unless `waitFor.phase` names them. */
    readonly failed: readonly string[];
    /** What failed, for the error: the task, its status and its error. */
    failure(result: R): string;
}
