// The connection-profile domain: model, secrets, presets, import and export. Pure: runs in main and renderer.
export * from './bootstrap';
export * from './checks';
export * from './ids';
export * from './issues';
export * from './migrate';
export * from './presets';
export * from './profile-schema';
export * from './secret-slots';
export * from './secrets';
export * from './tls-profiles';
export { importProfile, MAX_IMPORT_LENGTH, type ImportOptions, type ImportPreview } from './import/import-profile';
export { detectImportFormat, importFormats, type FormatGuess, type ImportFormat } from './import/detect';
export { parseJaasConfig, knownLoginModules, type JaasEntry, type JaasModuleKind, type JaasOption, type JaasParse } from './import/jaas';
export type { IgnoredSetting, SecretField } from './import/context';
export { exportJavaProperties } from './export/java-properties';
export { exportLibrdkafkaConfig } from './export/librdkafka';
export { exportKafkajsSnippet } from './export/kafkajs-snippet';
export type { ExportOptions } from './export/common';
