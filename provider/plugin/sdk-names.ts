/**
 * How the SDKs generated from the schema spell an input property, so that a message about a bad
 * input names it in the words of every SDK language: Pulumi's Python generator writes snake case
 * (`taskId` -> `task_id`), its Go generator capitalizes (`TaskId`); YAML and Node.js use the
 * schema's name. The plugin cannot know the program's language (the engine's Check and Invoke
 * calls do not say it), so it names all of them.
 */

/** `taskId` -> `task_id`; `waitFor.status` -> `wait_for.status`: Pulumi's Python names. */
export function pythonName(property: string): string {
    return property.replace(/[A-Za-z][A-Za-z0-9]*/g, (word) => word.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase());
}

/** `taskId` -> `TaskId`; `waitFor.status` -> `WaitFor.Status`: Pulumi's Go names. */
export function goName(property: string): string {
    return property.replace(/[A-Za-z][A-Za-z0-9]*/g, (word) => word[0]!.toUpperCase() + word.slice(1));
}

/**
 * The property as the Python and Go SDKs spell it, to follow the schema's name in a message:
 * `" (task_id in Python, TaskId in Go)"`, or `" (TaskId in Go)"` when Python spells it as the
 * schema does.
 *
 * @example
 * ```ts
 * `property taskId${sdkSpellings("taskId")}`; // "property taskId (task_id in Python, TaskId in Go)"
 * ```
 */
export function sdkSpellings(property: string): string {
    const names = [
        [pythonName(property), "Python"],
        [goName(property), "Go"],
    ].filter(([name]) => name !== property);
    return names.length ? ` (${names.map(([name, lang]) => `${name} in ${lang}`).join(", ")})` : "";
}
