/** `deeplake-elements/client`: the framework-free Files API client. */
export { DeepLakeClient, DEFAULT_API_URL } from './client.js';
export type { DeepLakeClientOptions, RequestOptions, UploadOptions } from './client.js';
export type { DeepLakeReader } from './reader.js';
export type { TokenProvider, TokenProviderContext } from './auth.js';
export { DeepLakeError } from './errors.js';
export type { DeepLakeErrorCode } from './errors.js';
export type { RetryPolicy } from './retry.js';
export type { UploadProgress } from './transport-xhr.js';
export type { TusFinishedUpload, TusOptions, UnfinishedUpload } from './tus-options.js';
export type { FileInfo, QueryResult } from './wire.js';
export { isFileId, parseFileInfo, parseFileList, parseQueryResult } from './wire.js';
