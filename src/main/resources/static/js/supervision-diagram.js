/*
 * A process's diagram with its live counts: on each step where instances wait, a label with how many
 * wait there and, after a "/", how many of them are overdue, coloured by lateness (none late, some,
 * most); clicking a step (or its label) opens the list of the instances waiting there.
 *
 * Needs /vendor/bpmn-js/bpmn-navigated-viewer.production.min.js (global BpmnJS), /js/diagram-viewer.js
 * and their styles, with
 * /css/diagram.css and /css/supervision.css. Works on every element with the class
 * "supervision-diagram":
 *
 *   <div class="supervision-diagram" data-url="/api/processes/{key}/counts?…" data-list-url="/giam-sat?…&step="
 *        data-msg-error="…" data-msg-step="{0} waiting, {1} overdue"></div>
 *
 *   data-url        GET: {"xml": "<BPMN 2.0 XML>", "steps": [{"activityId", "waiting", "overdue", "lateness"}]}
 *   data-list-url   the list's address, to which the step's id is appended
 *   data-msg-error  shown when the diagram cannot be loaded or drawn; data-msg-step the label's title
 *                   (the script has no words of its own)
 *
 * Each step with a count gets the marker "late-none", "late-some" or "late-most" and an overlay
 * <a class="step-count late-…" data-activity-id="…">. State, for styles and tests: data-state="loading" |
 * "ready" | "failed" on the element.
 */
(function () {
  'use strict';

  function listUrl(element, activityId) {
    return element.dataset.listUrl + encodeURIComponent(activityId);
  }

  function label(element, step) {
    var link = document.createElement('a');
    link.className = 'step-count late-' + step.lateness;
    link.href = listUrl(element, step.activityId);
    link.textContent = step.overdue > 0 ? step.waiting + ' / ' + step.overdue : String(step.waiting);
    link.title = TtdnDiagram.format(element.dataset.msgStep, [step.waiting, step.overdue]);
    link.setAttribute('aria-label', link.title);
    link.dataset.activityId = step.activityId;
    link.dataset.waiting = step.waiting;
    link.dataset.overdue = step.overdue;
    return link;
  }

  function draw(element, viewer, counts) {
    var canvas = viewer.get('canvas');
    var registry = viewer.get('elementRegistry');
    var overlays = viewer.get('overlays');
    (counts.steps || []).forEach(function (step) {
      var shape = registry.get(step.activityId);
      if (!shape) {
        return;
      }
      canvas.addMarker(step.activityId, 'late-' + step.lateness);
      overlays.add(step.activityId, 'step-count', {
        position: { top: -14, right: 14 },
        html: label(element, step)
      });
    });
    viewer.get('eventBus').on('element.click', function (event) {
      var shape = event.element;
      var business = shape && shape.businessObject;
      if (shape.type === 'label' || !business || !business.$instanceOf || !business.$instanceOf('bpmn:FlowNode')) {
        return;
      }
      window.location.href = listUrl(element, shape.id);
    });
  }

  function show(element) {
    return TtdnDiagram.show(element, element.dataset.url, function (viewer, counts) {
      draw(element, viewer, counts);
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('.supervision-diagram'), show);
  }

  TtdnDiagram.whenReady(start);
})();
