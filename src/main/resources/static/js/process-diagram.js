/*
 * Process diagrams: draws a BPMN process with the steps it has passed and the steps it is at.
 *
 * Needs /vendor/bpmn-js/bpmn-navigated-viewer.production.min.js (global BpmnJS), /js/diagram-viewer.js,
 * /vendor/bpmn-js/diagram-js.css, /vendor/bpmn-js/bpmn-js.css and /css/diagram.css loaded before it.
 * Works on every element with the class "process-diagram":
 *
 *   <div class="process-diagram" data-url="/api/…" data-msg-error="…"></div>
 *
 *   data-url        GET: {"xml": "<BPMN 2.0 XML>", "active": ["activityId", …], "completed": ["activityId", …]}
 *   data-msg-error  shown in the element when the diagram cannot be loaded or drawn (the script has no
 *                   words of its own)
 *
 * The diagram is fitted to the element (give it a height, as diagram.css does); inside a closed <details> it
 * is drawn when they are opened. It can be moved and zoomed,
 * and its elements get the markers "active" and "completed" (CSS classes, see diagram.css). Ids that
 * the diagram does not have are left out. State, for styles and tests: data-state="loading" | "ready" |
 * "failed" on the element, aria-busy="true" while loading.
 */
(function () {
  'use strict';

  var MARKERS = ['completed', 'active'];

  function mark(viewer, diagram) {
    var canvas = viewer.get('canvas');
    var elements = viewer.get('elementRegistry');
    MARKERS.forEach(function (marker) {
      (diagram[marker] || []).forEach(function (id) {
        if (elements.get(id)) {
          canvas.addMarker(id, marker);
        }
      });
    });
  }

  function show(element) {
    return TtdnDiagram.show(element, element.dataset.url, mark);
  }

  /**
   * A diagram in a closed <details> has no size to be fitted to: it is drawn when the details are
   * first opened.
   */
  function showWhenVisible(element) {
    var closed = element.closest('details:not([open])');
    if (!closed) {
      show(element);
      return;
    }
    closed.addEventListener('toggle', function opened() {
      if (closed.open) {
        closed.removeEventListener('toggle', opened);
        showWhenVisible(element);
      }
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('.process-diagram'), showWhenVisible);
  }

  TtdnDiagram.whenReady(start);
})();
