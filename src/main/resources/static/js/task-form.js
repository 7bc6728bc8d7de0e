/*
 * The form of a user task: shows its Camunda Form with form-js and completes the task.
 *
 * Needs /vendor/form-js/form-viewer.umd.js (global FormViewer) and /vendor/form-js/form-js.css
 * loaded before it. Works on the element with id "task-form":
 *
 *   <div id="task-form" data-form-url="/api/tasks/ID/form" data-complete-url="/api/tasks/ID/complete"
 *        data-done-url="/viec" data-msg-submit="…" data-msg-sending="…" data-msg-error="…"></div>
 *
 * and on the page's CSRF token: <meta name="_csrf" content="…"><meta name="_csrf_header" content="…">.
 *
 * Addresses (required):
 *   data-form-url      GET: {"schema": <Camunda Form JSON>, "data": {<values and option lists>}}
 *   data-complete-url  POST, JSON object of the form's values; 2xx: done; 400: {"title", "errors": [{"path"
 *                      (the field's key), "message", "code", "text" (Vietnamese)}]}; 403, 409, 503 (the
 *                      database unreachable): a problem {"title", "detail", "errors": [{"code", "text"}]}
 *   data-done-url      where to go once the task is completed
 *
 * Words (the script has none of its own; every text comes from these attributes):
 *   data-msg-submit    the submit button (not shown when the form has a submit button of its own)
 *   data-msg-sending   the submit button while the values are being sent
 *   data-msg-error     the form could not be loaded, or sending failed for another reason
 *   data-msg-invalid   heads the list of problems the server found in the values (400); without it,
 *                      the problem's title
 *   Built-in checks of form-js, in place of its English messages ({0}, {1}: the numbers or the pattern);
 *   a missing attribute leaves form-js's own message:
 *   data-msg-required, data-msg-min-length {0}, data-msg-max-length {0}, data-msg-min {0}, data-msg-max {0},
 *   data-msg-pattern {0}, data-msg-email, data-msg-phone, data-msg-number, data-msg-integer,
 *   data-msg-decimals {0}, data-msg-step {0} {1}
 *
 * Selects (optional): form-js writes "Select" in an empty select (form-js 1.23, SimpleSelect); with
 *   data-msg-select             every empty select of the form says this instead, e.g. "Chọn…"
 *
 * Dates (optional): form-js shows and reads a date field in the browser's own format (an English browser:
 * mm/dd/yyyy, so "02/11/2026" would be 11 February). With these, every date field uses the page's:
 *   data-date-format            flatpickr's tokens, e.g. "d/m/Y"
 *   data-msg-date-placeholder   the field's placeholder, e.g. "dd/mm/yyyy"
 *   The values sent stay ISO dates (yyyy-mm-dd), as form-js makes them.
 *
 * State, for styles and tests: data-state="loading" | "ready" | "sending" | "failed" on the element, and
 * aria-busy="true" while loading or sending. Problems are shown in <div class="alert alert-error"
 * role="alert"> above the form; the server's messages also appear under their fields.
 */
(function () {
  'use strict';

  /** form-js's English messages (form-js 1.23, core/Validator.js) and the attribute that replaces each. */
  var BUILT_IN_MESSAGES = [
    ['msgRequired', /^Field is required\.$/],
    ['msgMinLength', /^Field must have minimum length of (.+)\.$/],
    ['msgMaxLength', /^Field must have maximum length of (.+)\.$/],
    ['msgMin', /^Field must have minimum value of (.+)\.$/],
    ['msgMax', /^Field must have maximum value of (.+)\.$/],
    ['msgPattern', /^Field must match pattern (.+)\.$/],
    ['msgEmail', /^Field must be a valid email\.$/],
    ['msgPhone', /^Field must be a valid +international phone number\./],
    ['msgNumber', /^Value is not a number\.$/],
    ['msgInteger', /^Value is expected to be an integer\.$/],
    ['msgDecimals', /^Value is expected to have at most (\d+) decimal digits?\.$/],
    ['msgStep', /^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/]
  ];

  function format(template, args) {
    return template.replace(/\{(\d)\}/g, function (whole, i) {
      return args[i] !== undefined ? args[i] : whole;
    });
  }

  function translate(message, words) {
    for (var i = 0; i < BUILT_IN_MESSAGES.length; i++) {
      var match = BUILT_IN_MESSAGES[i][1].exec(message);
      if (match && words[BUILT_IN_MESSAGES[i][0]]) {
        return format(words[BUILT_IN_MESSAGES[i][0]], match.slice(1));
      }
    }
    return message;
  }

  /** "items[0].name" and form-js's value path ["items", 0, "name"] both become "items.0.name". */
  function normalPath(path) {
    return String(path).replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
  }

  /** The label of every keyed field of a schema, by its value path ("group.key" for groups with a path). */
  function labelsOf(schema) {
    var labels = {};
    (function walk(components, prefix) {
      (components || []).forEach(function (component) {
        if (component.key) {
          var label = typeof component.label === 'string' && component.label.charAt(0) !== '=' ? component.label : '';
          labels[prefix.concat(component.key.split('.')).join('.')] = label || component.key;
        }
        if (component.components) {
          walk(component.components, component.path ? prefix.concat(component.path.split('.')) : prefix);
        }
      });
    })(schema.components, []);
    return labels;
  }

  function hasOwnSubmitButton(schema) {
    return (function find(components) {
      return (components || []).some(function (component) {
        return (component.type === 'button' && component.action !== 'reset') || find(component.components);
      });
    })(schema.components);
  }

  /**
   * A form-js module: the built-in messages in the page's words, and the server's messages under their
   * fields for as long as the field keeps the value that was sent.
   */
  function validationModule(words, serverErrors) {
    function decorate(validator) {
      var check = validator.validateFieldInstance.bind(validator);
      validator.validateFieldInstance = function (fieldInstance, value) {
        var errors = check(fieldInstance, value).map(function (message) {
          return translate(message, words);
        });
        var server = serverErrors[normalPath((fieldInstance.valuePath || []).join('.'))];
        if (server && JSON.stringify(server.value) === JSON.stringify(value)) {
          errors = errors.concat(server.messages);
        }
        return errors;
      };
    }
    decorate.$inject = ['validator'];
    return { __init__: [decorate] };
  }

  function csrfHeaders() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = {};
    if (token && header) {
      headers[header.getAttribute('content')] = token.getAttribute('content');
    }
    return headers;
  }

  function readJson(response) {
    return response.text().then(function (text) {
      try {
        return text ? JSON.parse(text) : {};
      } catch (e) {
        return {};
      }
    });
  }

  function valueAt(data, path) {
    return path.split('.').reduce(function (value, part) {
      return value == null ? undefined : value[part];
    }, data);
  }

  function TaskForm(element) {
    this.element = element;
    this.words = element.dataset;
    this.serverErrors = {};
    this.sending = false;

    this.alerts = document.createElement('div');
    this.alerts.className = 'task-form-alerts';
    this.fields = document.createElement('div');
    this.fields.className = 'task-form-fields';
    element.replaceChildren(this.alerts, this.fields);
  }

  TaskForm.prototype.load = function () {
    var self = this;
    this.setState('loading');
    return fetch(this.element.dataset.formUrl, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('GET ' + response.url + ': ' + response.status);
      }
      return response.json();
    }).then(function (body) {
      return self.show(body.schema, body.data || {});
    }).catch(function (error) {
      console.error(error);
      self.setState('failed');
      self.showProblem(self.words.msgError);
    });
  };

  TaskForm.prototype.show = function (schema, data) {
    var self = this;
    this.labels = labelsOf(schema);
    this.followDateFormat();
    this.followSelectPlaceholder();
    this.form = new FormViewer.Form({
      container: this.fields,
      additionalModules: [validationModule(this.words, this.serverErrors)]
    });
    // A new attempt is judged afresh: the server's messages of the last one do not block it.
    this.form.on('presubmit', function () {
      self.clearServerErrors();
    });
    this.form.on('submit', function (event) {
      self.submitted(event);
    });
    return this.form.importSchema(schema, data).then(function () {
      if (!hasOwnSubmitButton(schema)) {
        self.addSubmitButton();
      }
      self.setState('ready');
    });
  };

  /**
   * Gives every date picker of the form the page's format and placeholder. form-js makes a picker
   * (flatpickr, on the input as _flatpickr) when it draws a date field, which may be later than the form
   * (a field shown by a condition), so each new one is adjusted as it appears in the form.
   */
  TaskForm.prototype.followDateFormat = function () {
    var format = this.words.dateFormat;
    var placeholder = this.words.msgDatePlaceholder;
    var fields = this.fields;
    if (!format || typeof MutationObserver === 'undefined') {
      return;
    }
    function adjust() {
      Array.prototype.forEach.call(fields.querySelectorAll('.fjs-datepicker input'), function (input) {
        var picker = input._flatpickr;
        if (picker && picker.config.dateFormat !== format) {
          // redraws the input from the chosen date; the form's value (an ISO date) does not change
          picker.set('dateFormat', format);
        }
        if (placeholder && input.getAttribute('placeholder') !== placeholder) {
          input.setAttribute('placeholder', placeholder);
        }
      });
    }
    new MutationObserver(adjust).observe(fields, { childList: true, subtree: true });
  };

  /**
   * Gives every empty select of the form the page's placeholder, as form-js draws it. The text stays
   * form-js's (it redraws it); the placeholder is an attribute the page's style shows in its place
   * while the select is empty (app.css, .fjs-select-placeholder).
   */
  TaskForm.prototype.followSelectPlaceholder = function () {
    var placeholder = this.words.msgSelect;
    var fields = this.fields;
    if (!placeholder || typeof MutationObserver === 'undefined') {
      return;
    }
    function adjust() {
      Array.prototype.forEach.call(fields.querySelectorAll('.fjs-select-display'), function (d) {
        if (d.getAttribute('data-placeholder') !== placeholder) {
          d.setAttribute('data-placeholder', placeholder);
        }
      });
    }
    new MutationObserver(adjust).observe(fields, { childList: true, subtree: true });
  };

  TaskForm.prototype.addSubmitButton = function () {
    var self = this;
    var actions = document.createElement('div');
    actions.className = 'task-form-actions';
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.className = 'button button-primary';
    this.button.id = 'task-form-submit';
    this.button.textContent = this.words.msgSubmit || '';
    this.button.addEventListener('click', function () {
      self.form.submit();
    });
    actions.appendChild(this.button);
    this.element.appendChild(actions);
  };

  TaskForm.prototype.submitted = function (event) {
    if (this.sending) {
      return;
    }
    this.clearProblems();
    if (Object.keys(event.errors).length) {
      this.focusFirstError();
      return;
    }
    this.send(event.data);
  };

  TaskForm.prototype.send = function (values) {
    var self = this;
    var headers = Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' }, csrfHeaders());
    this.setSending(true);
    fetch(this.element.dataset.completeUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: headers,
      body: JSON.stringify(values)
    }).then(function (response) {
      if (response.ok) {
        window.location.assign(self.element.dataset.doneUrl);
        return;
      }
      return readJson(response).then(function (problem) {
        self.setSending(false);
        if (response.status === 400 && Array.isArray(problem.errors) && problem.errors.length) {
          self.showInvalid(problem, values);
        } else if (response.status === 403 || response.status === 409 || response.status === 503) {
          // The server words each reason in Vietnamese ("text"); title and detail are for programs.
          var reasons = (problem.errors || []).map(function (e) { return e.text; }).filter(Boolean);
          self.showProblem(self.words.msgError, reasons.length ? reasons.join(' ') : problem.detail);
        } else {
          console.error('POST ' + response.url + ': ' + response.status, problem);
          self.showProblem(self.words.msgError, problem.detail);
        }
      });
    }).catch(function (error) {
      console.error(error);
      self.setSending(false);
      self.showProblem(self.words.msgError);
    });
  };

  /** The server refused some values: its messages above the form, by label, and under their fields. */
  TaskForm.prototype.showInvalid = function (problem, values) {
    var self = this;
    var list = document.createElement('ul');
    problem.errors.forEach(function (error) {
      var path = normalPath(error.path || '');
      var label = self.labels[path.replace(/\.\d+(?=\.|$)/g, '')];
      var item = document.createElement('li');
      if (label) {
        var name = document.createElement('strong');
        name.textContent = label + ': ';
        item.appendChild(name);
        var entry = self.serverErrors[path] || (self.serverErrors[path] = { value: valueAt(values, path), messages: [] });
        entry.messages.push(error.text || error.message);
      }
      item.appendChild(document.createTextNode(error.text || error.message));
      list.appendChild(item);
    });
    var alert = this.showProblem(this.words.msgInvalid || problem.title);
    alert.appendChild(list);
    this.form.validate();
    this.focusFirstError();
  };

  TaskForm.prototype.showProblem = function (title, detail) {
    var alert = document.createElement('div');
    alert.className = 'alert alert-error';
    alert.setAttribute('role', 'alert');
    var heading = document.createElement('p');
    heading.className = 'alert-title';
    heading.textContent = title || '';
    alert.appendChild(heading);
    if (detail) {
      var text = document.createElement('p');
      text.className = 'alert-detail';
      text.textContent = detail;
      alert.appendChild(text);
    }
    this.alerts.replaceChildren(alert);
    return alert;
  };

  TaskForm.prototype.clearProblems = function () {
    this.alerts.replaceChildren();
  };

  TaskForm.prototype.clearServerErrors = function () {
    var errors = this.serverErrors;
    Object.keys(errors).forEach(function (path) {
      delete errors[path];
    });
  };

  TaskForm.prototype.focusFirstError = function () {
    var fields = this.fields;
    // form-js draws the errors on its next render
    window.setTimeout(function () {
      var invalid = fields.querySelector('.fjs-has-errors input, .fjs-has-errors textarea, .fjs-has-errors select,'
        + ' .fjs-has-errors [tabindex]');
      if (invalid) {
        invalid.focus();
      }
    }, 0);
  };

  TaskForm.prototype.setSending = function (sending) {
    this.sending = sending;
    this.setState(sending ? 'sending' : 'ready');
    var buttons = this.element.querySelectorAll('button[type="submit"], #task-form-submit');
    Array.prototype.forEach.call(buttons, function (button) {
      button.disabled = sending;
    });
    if (this.button) {
      this.button.textContent = (sending ? this.words.msgSending : this.words.msgSubmit) || '';
    }
  };

  TaskForm.prototype.setState = function (state) {
    this.element.dataset.state = state;
    if (state === 'loading' || state === 'sending') {
      this.element.setAttribute('aria-busy', 'true');
    } else {
      this.element.removeAttribute('aria-busy');
    }
  };

  function start() {
    var element = document.getElementById('task-form');
    if (element) {
      new TaskForm(element).load();
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
