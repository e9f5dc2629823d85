// The sandboxed preload: exposes exactly the contract's channels, events and streams as named
// functions. There is deliberately no generic invoke(channel) escape hatch.
import { contextBridge, ipcRenderer } from 'electron';
import { createOdradekApi, type BridgeTransport } from '../../shared/ipc/bridge';
import type { FramePort, StreamControl, StreamFrame } from '../../shared/ipc/stream';
import { STREAM_OPEN_MESSAGE } from '../../shared/ipc/transport-names';

const transport: BridgeTransport = {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe(event, listener) {
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => ipcRenderer.removeListener(event, forward);
  },
  openStream(name, request, credits) {
    const { port1, port2 } = new MessageChannel();
    ipcRenderer.postMessage(STREAM_OPEN_MESSAGE, { name, request, credits }, [port2]);
    return messagePortFramePort(port1);
  },
};

function messagePortFramePort(port: MessagePort): FramePort<StreamFrame, StreamControl> {
  const framePort: FramePort<StreamFrame, StreamControl> = {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => port.addEventListener('message', (event) => listener(event.data as StreamFrame)),
    onClose: (listener) => port.addEventListener('close', listener),
    close: () => port.close(),
  };
  port.start();
  return framePort;
}

contextBridge.exposeInMainWorld('odradek', createOdradekApi(transport));
