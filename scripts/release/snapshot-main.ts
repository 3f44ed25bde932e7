/**
 * Prototype: the plugin's startup-snapshot entry. Evaluates the server and the read path at build
 * time; at run time sets the folder of the executable and runs main.
 */
import * as path from "node:path";
import * as v8 from "node:v8";
import "../../provider/plugin/server";
import "../../provider/plugin/methods";

declare global {
    // eslint-disable-next-line no-var
    var __cloudreadsDirname: string | undefined;
}

v8.startupSnapshot.setDeserializeMainFunction(() => {
    globalThis.__cloudreadsDirname = path.dirname(process.execPath);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("../../provider/plugin/main");
});
