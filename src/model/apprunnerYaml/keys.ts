// The keys the App Runner configuration file format (version 1.0) defines, per mapping. The validator,
// the key docs and the JSON schema test all read these lists.
export const TOP_KEYS = ['version', 'runtime', 'build', 'run'] as const;
export const BUILD_KEYS = ['commands', 'env'] as const;
export const BUILD_COMMAND_KEYS = ['pre-build', 'build', 'post-build'] as const;
export const RUN_KEYS = ['runtime-version', 'pre-run', 'command', 'network', 'env', 'secrets'] as const;
export const NETWORK_KEYS = ['port', 'env'] as const;
export const ENV_ITEM_KEYS = ['name', 'value'] as const;
export const SECRET_ITEM_KEYS = ['name', 'value-from'] as const;

/** The only configuration file version App Runner documents. */
export const SUPPORTED_VERSION = '1.0';
