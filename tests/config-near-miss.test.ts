import * as assert from "node:assert/strict";
import { editDistance, nearMisses } from "../provider/core/near-miss-keys";
import { ASTRA_SETTING_KEYS } from "../provider/vendors/astracontrol/settings";
import { HUAWEI_SETTING_KEYS } from "../provider/vendors/huaweicloud/settings";
import { PULUMI_HUAWEICLOUD_KEYS, NAMESPACES } from "../sdk/nodejs/internal/config-near-miss";

const check = (...keys: string[]) => nearMisses(keys, NAMESPACES).map((m) => `${m.key} -> ${m.meant}`);

describe("stack config keys that nearly name a setting of this package", () => {
    it("counts edits, transpositions included, whatever the case", () => {
        assert.equal(editDistance("regoin", "region", 2), 1);
        assert.equal(editDistance("Region", "region", 2), 0);
        assert.equal(editDistance("acessKey", "accessKey", 2), 1);
        assert.equal(editDistance("completely", "region", 2), 3);
    });

    it("finds huaweicloud:regoin and astracontrol:acountId, and names the key meant", () => {
        assert.deepEqual(check("huaweicloud:regoin", "astracontrol:acountId", "astracontrol:apitoken"), [
            "huaweicloud:regoin -> huaweicloud:region",
            "astracontrol:acountId -> astracontrol:accountId",
            "astracontrol:apitoken -> astracontrol:apiToken",
        ]);
    });

    it("leaves every key this package reads, and every key pulumi-huaweicloud defines, alone", () => {
        assert.deepEqual(check(...HUAWEI_SETTING_KEYS.map((k) => `huaweicloud:${k}`), ...ASTRA_SETTING_KEYS.map((k) => `astracontrol:${k}`)), []);
        assert.deepEqual(check(...PULUMI_HUAWEICLOUD_KEYS.map((k) => `huaweicloud:${k}`)), []);
        for (const k of ["userName", "password", "tenantName", "assumeRoles", "enterpriseProjectId", "sharedConfigFile", "domainName", "projectName"]) assert.ok(PULUMI_HUAWEICLOUD_KEYS.includes(k), k);
    });

    it("leaves a key nearer to one of pulumi-huaweicloud's than to ours, other namespaces, and keys far from any", () => {
        assert.deepEqual(check("huaweicloud:projectNam", "huaweicloud:tenantNme", "aws:regoin", "cloudreads-trips:scenario", "huaweicloud:somethingElse"), []);
    });
});
