/** The one non-contract IPC message: the renderer hands main a MessagePort for a new stream. */
export const STREAM_OPEN_MESSAGE = 'odradek:stream-open';

/** Where the end-to-end test bridge answers the contract over WebSocket, on the page's own origin. */
export const TEST_BRIDGE_PATH = '/__odradek_bridge';
