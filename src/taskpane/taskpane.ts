/**
 * Task pane entry: waits for Office, then starts the pane with Excel.run and the display language.
 */
import { startPane } from './pane';

Office.onReady(() => {
  const pane = startPane(document, {
    run: (callback) => Excel.run(callback),
    displayLanguage: Office.context?.displayLanguage,
    onSelectionChange: (handler) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      Office.context?.document?.addHandlerAsync?.(Office.EventType.DocumentSelectionChanged, () => {
        clearTimeout(timer);
        timer = setTimeout(handler, 400);
      });
    },
  });
  void pane.refresh();
});
