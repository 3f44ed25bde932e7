import type { SettingName } from "../core/settings";

/** Stack config keys (`huaweicloud:` namespace, as the pulumi-huaweicloud bridge) and env vars (as terraform). */
export const HUAWEI_SETTINGS = {
    region: { key: "huaweicloud:region", env: ["HW_REGION_NAME"] },
    token: { key: "huaweicloud:token", env: ["HW_AUTH_TOKEN"] },
    accessKey: { key: "huaweicloud:accessKey", env: ["HW_ACCESS_KEY"] },
    secretKey: { key: "huaweicloud:secretKey", env: ["HW_SECRET_KEY"] },
    securityToken: { key: "huaweicloud:securityToken", env: ["HW_SECURITY_TOKEN"] },
    projectId: { key: "huaweicloud:projectId", env: ["HW_PROJECT_ID"] },
    domainId: { key: "huaweicloud:domainId", env: ["HW_DOMAIN_ID"] },
    cloud: { key: "huaweicloud:cloud", env: ["HW_CLOUD"] },
    endpoints: { key: "huaweicloud:endpoints", env: ["HW_ENDPOINTS"] },
    sharedConfigFile: { key: "huaweicloud:sharedConfigFile", env: ["HW_SHARED_CONFIG_FILE"] },
    profile: { key: "huaweicloud:profile", env: ["HW_PROFILE"] },
} as const satisfies Record<string, SettingName>;
