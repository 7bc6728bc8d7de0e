/*
 * The auditors' replay: an instance's diagram played event by event from its audit timeline.
 *
 * Needs /vendor/bpmn-js/bpmn-navigated-viewer.production.min.js (global BpmnJS), /js/diagram-viewer.js
 * and diagram.css.
 * Reads the timeline from the page's table (rows .timeline-row with data-activity and data-kind, in
 * order) and the model from #replay-diagram's data-model (GET {"xml": …}). At position p the first p
 * events have happened: each step they reached is marked "completed" once passed or "active" while
 * it waits, the sequence flows between consecutive steps are drawn as passed, and the p-th row of
 * the table is the current one. Buttons #replay-back, #replay-play (play / pause, its words in
 * data-play and data-pause), #replay-step; #replay-position says "Bước p/n" (data-format with {0}
 * and {1}). State for tests: #replay-diagram data-state="loading|ready|failed", data-position=p.
 */
(function () {
  'use strict';

  var DONE = { 'task.completed': 1, 'task.returned': 1, 'task.sentBack': 1, 'task.cancelled': 1, 'timer.fired': 1,
    'number.issued': 1, 'process.ended': 1 };

  function start() {
    var element = document.getElementById('replay-diagram');
    if (!element) {
      return;
    }
    var rows = Array.prototype.slice.call(document.querySelectorAll('.timeline-row'));
    var events = rows.map(function (row) {
      return { activity: row.dataset.activity || null, kind: row.dataset.kind };
    });
    var play = document.getElementById('replay-play');
    var position = document.getElementById('replay-position');
    var viewer = null;
    var current = 0;
    var timer = null;

    function say() {
      position.textContent = (position.dataset.format || '{0}/{1}').replace('{0}', current).replace('{1}', events.length);
      element.dataset.position = String(current);
    }

    /** The sequence flows from one step to the next: the shortest way between them on the diagram. */
    function path(registry, from, to) {
      if (!from || !to || from === to) {
        return [];
      }
      var start = registry.get(from);
      var goal = registry.get(to);
      if (!start || !goal) {
        return [];
      }
      var seen = {};
      var queue = [{ element: start, flows: [] }];
      seen[start.id] = true;
      while (queue.length) {
        var next = queue.shift();
        var outgoing = next.element.outgoing || [];
        var attached = next.element.attachers || [];
        attached.forEach(function (boundary) {
          if (!seen[boundary.id]) {
            seen[boundary.id] = true;
            queue.push({ element: boundary, flows: next.flows });
          }
        });
        for (var i = 0; i < outgoing.length; i++) {
          var flow = outgoing[i];
          var target = flow.target;
          if (!target || seen[target.id]) {
            continue;
          }
          var flows = next.flows.concat([flow.id]);
          if (target.id === goal.id) {
            return flows;
          }
          seen[target.id] = true;
          queue.push({ element: target, flows: flows });
        }
      }
      return [];
    }

    function draw() {
      var canvas = viewer.get('canvas');
      var registry = viewer.get('elementRegistry');
      registry.getAll().forEach(function (e) {
        canvas.removeMarker(e.id, 'active');
        canvas.removeMarker(e.id, 'completed');
      });
      var state = {};
      var previous = null;
      for (var i = 0; i < current; i++) {
        var activity = events[i].activity;
        if (!activity || !registry.get(activity)) {
          continue;
        }
        path(registry, previous, activity).forEach(function (id) {
          canvas.addMarker(id, 'completed');
        });
        if (previous && previous !== activity && state[previous] === 'active') {
          state[previous] = 'completed';
        }
        state[activity] = DONE[events[i].kind] ? 'completed' : 'active';
        previous = activity;
      }
      Object.keys(state).forEach(function (id) {
        canvas.addMarker(id, state[id]);
      });
      rows.forEach(function (row, index) {
        row.classList.toggle('current', index === current - 1);
      });
      if (current > 0) {
        rows[current - 1].scrollIntoView({ block: 'nearest' });
      }
      say();
    }

    function go(to) {
      current = Math.max(0, Math.min(events.length, to));
      draw();
      if (current === events.length) {
        stop();
      }
    }

    function stop() {
      if (timer) {
        clearInterval(timer);
        timer = null;
      }
      play.textContent = play.dataset.play;
    }

    document.getElementById('replay-back').addEventListener('click', function () { stop(); go(current - 1); });
    document.getElementById('replay-step').addEventListener('click', function () { stop(); go(current + 1); });
    play.addEventListener('click', function () {
      if (timer) {
        stop();
        return;
      }
      if (current === events.length) {
        go(0);
      }
      play.textContent = play.dataset.pause;
      timer = setInterval(function () { go(current + 1); }, 900);
    });

    TtdnDiagram.show(element, element.dataset.model, function (drawn) {
      viewer = drawn;
      go(events.length);
    });
  }

  TtdnDiagram.whenReady(start);
})();
