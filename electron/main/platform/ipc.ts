import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type MessagePortMain } from 'electron';
import { channelNames } from '../../../shared/ipc/contract';
import type { StreamControl, StreamFrame, FramePort } from '../../../shared/ipc/stream';
import { STREAM_OPEN_MESSAGE } from '../../../shared/ipc/transport-names';
import type { Dispatcher, Sender } from '../ipc/dispatcher';

/** Routes every contract channel and stream request from ipcMain into the dispatcher. */
export function bindDispatcherToIpcMain(dispatcher: Dispatcher): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, input: unknown) => dispatcher.invoke(channel, input, senderOf(event)));
  }
  ipcMain.on(STREAM_OPEN_MESSAGE, (event, open: unknown) => {
    const port = event.ports[0];
    if (!port) return;
    void dispatcher.openStream(open, messagePortMainFramePort(port), senderOf(event));
  });
}

function senderOf(event: IpcMainInvokeEvent | IpcMainEvent): Sender {
  // A destroyed or cross-origin frame has no URL; the empty string then fails the trust check.
  return { kind: 'window', webContentsId: event.sender.id, frameUrl: event.senderFrame?.url ?? '' };
}

function messagePortMainFramePort(port: MessagePortMain): FramePort<StreamControl, StreamFrame> {
  const framePort: FramePort<StreamControl, StreamFrame> = {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (event) => listener(event.data as StreamControl)),
    onClose: (listener) => port.on('close', listener),
    close: () => port.close(),
  };
  port.start();
  return framePort;
}
