import { strict as assert } from "node:assert";
import { quoteLongIntegers } from "../provider/core/response-body";

/** Integers of more than 15 digits become exact digit strings before JSON.parse; nothing else changes. */
describe("quoteLongIntegers: exact long integers in a body", () => {
    it("quotes integers of 16 digits and more, wherever they stand", () => {
        const text = '{"id":99999999999999999,"items":[{"id":9007199254740993},{"id": 12}],"n":-12345678901234567}';
        assert.deepEqual(JSON.parse(quoteLongIntegers(text)), { id: "99999999999999999", items: [{ id: "9007199254740993" }, { id: 12 }], n: "-12345678901234567" });
    });

    it("leaves 15-digit integers, fractions, exponents and strings alone", () => {
        const text = '{"a":999999999999999,"b":12345678901234567.5,"c":1e21,"d":"99999999999999999","e":"x\\"12345678901234567"}';
        assert.equal(quoteLongIntegers(text), text);
    });

    it("returns the same string when there is nothing to quote", () => {
        const text = '{"total":3,"items":[]}';
        assert.equal(quoteLongIntegers(text), text);
    });
});
