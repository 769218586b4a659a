/**
 * Task pane entry: waits for Office, then starts the pane with Excel.run, the display language and
 * the compute worker.
 * A selection change costs one small request (address and size), and nothing while the pane is
 * hidden (the shared runtime keeps running); the full inspection runs when the pane is shown again.
 */
import { workerComputer } from './compute';
import { startPane } from './pane';

Office.onReady(() => {
  let visible = true;
  const pane = startPane(document, {
    run: (callback) => Excel.run(callback),
    displayLanguage: Office.context?.displayLanguage,
    // the engine runs in a worker (compute.js beside this page): the pane stays responsive and Cancel stops it at once
    compute: workerComputer(() => new Worker('compute.js')),
    onSelectionChange: (handler) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      Office.context?.document?.addHandlerAsync?.(Office.EventType.DocumentSelectionChanged, () => {
        clearTimeout(timer);
        if (visible) timer = setTimeout(handler, 400);
      });
    },
    onShow: (handler) => {
      // SharedRuntime 1.1: told when the pane is hidden or shown
      void Office.addin?.onVisibilityModeChanged?.((message) => {
        visible = message.visibilityMode !== 'Hidden';
        if (visible) handler();
      });
    },
  });
  void pane.refresh();
});
