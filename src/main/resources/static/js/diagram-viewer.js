/*
 * What every diagram of the application shares: loading its JSON, drawing its BPMN with bpmn-js
 * fitted to the element, saying its state, and showing the page's error words when it fails.
 *
 * Needs /vendor/bpmn-js/bpmn-navigated-viewer.production.min.js (global BpmnJS) loaded before it.
 * Defines window.TtdnDiagram:
 *
 *   TtdnDiagram.show(element, url, onDrawn)  GET url (JSON with "xml"), draw it in element, then
 *                                            onDrawn(viewer, data); returns a Promise. State, for styles
 *                                            and tests: data-state="loading" | "ready" | "failed" on the
 *                                            element, aria-busy="true" while loading. On failure the
 *                                            element shows its data-msg-error (the script has no words).
 *   TtdnDiagram.format(pattern, values)      "{0} of {1}" with values put in.
 *   TtdnDiagram.whenReady(start)             start() once the document is parsed.
 */
(function () {
  'use strict';

  function setState(element, state) {
    element.dataset.state = state;
    if (state === 'loading') {
      element.setAttribute('aria-busy', 'true');
    } else {
      element.removeAttribute('aria-busy');
    }
  }

  function showError(element, viewer) {
    if (viewer) {
      viewer.destroy();
    }
    var alert = document.createElement('div');
    alert.className = 'alert alert-error';
    alert.setAttribute('role', 'alert');
    alert.textContent = element.dataset.msgError || '';
    element.replaceChildren(alert);
    setState(element, 'failed');
  }

  function show(element, url, onDrawn) {
    var viewer = null;
    setState(element, 'loading');
    return fetch(url, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('GET ' + response.url + ': ' + response.status);
      }
      return response.json();
    }).then(function (data) {
      viewer = new BpmnJS({ container: element });
      return viewer.importXML(data.xml).then(function () {
        viewer.get('canvas').zoom('fit-viewport', 'auto');
        if (onDrawn) {
          onDrawn(viewer, data);
        }
        setState(element, 'ready');
      });
    }).catch(function (error) {
      console.error(error);
      showError(element, viewer);
    });
  }

  function format(pattern, values) {
    return (pattern || '').replace(/\{(\d+)\}/g, function (match, index) {
      return String(values[Number(index)]);
    });
  }

  function whenReady(start) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', start);
    } else {
      start();
    }
  }

  window.TtdnDiagram = { show: show, format: format, whenReady: whenReady };
})();
