/**
 * A long explanation is worth reading once. When nine reads of a program fail for the same
 * missing setting, the first error carries the full explanation and the others refer to it.
 */
const firstSubject = new Map<string, string>();

/**
 * The message for one occurrence of the problem `key`: `full` the first time in this process,
 * afterwards `${subject} ${short}` with a pointer to that first error.
 */
export function saidOnce(key: string, subject: string, full: string, short: string): string {
    const first = firstSubject.get(key);
    if (first === undefined) {
        firstSubject.set(key, subject);
        return full;
    }
    return `${subject} ${short} (the same problem as for ${first}: see that error for the settings that fix it)`;
}

/** Forgets what was said (tests). */
export function resetSaidOnce(): void {
    firstSubject.clear();
}
