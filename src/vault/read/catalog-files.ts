/**
 * The service catalog's file names at the vault's top, the first found wins.
 * Apart from the catalog's parser (YAML, a schema) so that walking the vault
 * loads neither.
 */
export const CATALOG_FILES = ['services.yaml', 'services.yml'];
