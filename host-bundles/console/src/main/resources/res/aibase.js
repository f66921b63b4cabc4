/* The AI Plugins page: refreshes the plugins table in place and sends the actions with the page's token.
   Every value from the server is put into the page as text (textContent), never as markup, except the
   table fragment, which the server escaped. */
(function () {
    'use strict';
    var page = document.getElementById('aibase');
    if (!page) {
        return;
    }
    var root = page.getAttribute('data-root');
    var token = page.getAttribute('data-token');
    var refreshMillis = parseInt(page.getAttribute('data-refresh'), 10) || 3000;
    var message = document.getElementById('aibase-message');

    function post(path, body, contentType) {
        var headers = { 'X-AIBase-Token': token, 'Accept': 'application/json' };
        if (contentType) {
            headers['Content-Type'] = contentType;
        }
        return fetch(root + path, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
            .then(function (response) {
                return response.json().then(function (json) {
                    return { ok: response.ok, status: response.status, json: json };
                }, function () {
                    return { ok: response.ok, status: response.status, json: {} };
                });
            });
    }

    function element(tag, text, className) {
        var e = document.createElement(tag);
        if (text !== undefined && text !== null) {
            e.textContent = String(text);
        }
        if (className) {
            e.className = className;
        }
        return e;
    }

    function show(kind, text, report) {
        message.textContent = '';
        message.className = kind === 'error' ? 'ui-state-error ui-corner-all' : 'ui-state-highlight ui-corner-all';
        message.appendChild(element('p', text, 'aibase-message-text'));
        if (report) {
            var box = element('div', null, 'aibase-upload-report');
            box.id = 'aibase-report';
            // the findings below are the verdict: the heading only counts them, so nothing is said twice
            box.appendChild(element('p', 'Validation report of ' + (report.file || 'the JAR') + ': '
                + (report.valid ? 'valid' : 'invalid') + ', ' + counted(report.errors, 'error')
                + (report.warnings ? ', ' + counted(report.warnings, 'warning') : '')));
            var list = element('ul');
            (report.findings || []).forEach(function (f) {
                var item = element('li', null, 'aibase-finding aibase-finding-' + f.severity);
                item.appendChild(element('b', String(f.severity).toUpperCase() + ' '));
                item.appendChild(document.createTextNode(f.location + ': ' + f.message
                    + (f.allowed ? ' (allowed: ' + f.allowed + ')' : '')));
                list.appendChild(item);
            });
            box.appendChild(list);
            message.appendChild(box);
        }
    }

    // the server writes each time as UTC to the second with the instant in datetime; the reader's own
    // clock is easier to relate to, so the text becomes local time (the UTC text stays as the tooltip)
    function localTimes(root) {
        Array.prototype.forEach.call(root.querySelectorAll('time[datetime]'), function (time) {
            var at = new Date(time.getAttribute('datetime'));
            if (!isNaN(at.getTime()) && !time.hasAttribute('title')) {
                time.title = time.textContent;
                time.textContent = at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
            }
        });
    }

    function counted(n, what) {
        n = n || 0;
        return n + ' ' + what + (n === 1 ? '' : 's');
    }

    function describeError(answer) {
        var error = answer.json && answer.json.error;
        return error ? error.message + ' (HTTP ' + answer.status + ')' : 'HTTP ' + answer.status;
    }

    function refreshPlugins() {
        return fetch(root + '/fragment/plugins', { credentials: 'same-origin', cache: 'no-store' })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('HTTP ' + response.status);
                }
                return response.text();
            })
            .then(function (html) {
                // the server escaped every value of the fragment
                document.getElementById('aibase-plugins').innerHTML = html;
                localTimes(document.getElementById('aibase-plugins'));
                document.getElementById('aibase-refreshed').textContent = 'refreshed ' + new Date().toLocaleTimeString();
            })
            .catch(function (e) {
                document.getElementById('aibase-refreshed').textContent = 'refresh failed: ' + e.message;
            });
    }

    document.getElementById('aibase-plugins').addEventListener('click', function (event) {
        var button = event.target.closest('button.aibase-action');
        if (!button) {
            return;
        }
        var action = button.getAttribute('data-action');
        var id = button.getAttribute('data-plugin');
        if (action === 'uninstall' && !window.confirm('Uninstall plugin ' + id + '? Its JAR is removed from deploy/.')) {
            return;
        }
        button.disabled = true;
        post('/plugins/' + encodeURIComponent(id) + '/' + action).then(function (answer) {
            if (answer.ok) {
                show('info', action === 'uninstall' ? 'Uninstalled ' + id
                    : 'Plugin ' + id + ' is ' + String(answer.json.state).toUpperCase()
                        + (answer.json.reason ? ': ' + answer.json.reason : ''));
            } else {
                show('error', 'Could not ' + action + ' ' + id + ': ' + describeError(answer));
            }
            return refreshPlugins();
        });
    });

    document.getElementById('aibase-upload').addEventListener('click', function () {
        var input = document.getElementById('aibase-jar');
        if (!input.files || input.files.length === 0) {
            show('error', 'Choose a plugin JAR first.');
            return;
        }
        var file = input.files[0];
        show('info', 'Uploading ' + file.name + ' ...');
        post('/upload?file=' + encodeURIComponent(file.name), file, 'application/java-archive').then(function (answer) {
            if (answer.ok) {
                show('info', 'Installed ' + answer.json.id + ' from ' + file.name + ': '
                    + String(answer.json.state).toUpperCase() + (answer.json.reason ? ' (' + answer.json.reason + ')' : ''));
            } else {
                var details = answer.json && answer.json.error && answer.json.error.details;
                var report = details && details.report;
                // with a report, the error's message is its verdict again: the findings are listed once, below
                show('error', report ? file.name + ' refused (HTTP ' + answer.status + '), because of the findings below'
                    : file.name + ' refused: ' + describeError(answer), report);
            }
            return refreshPlugins();
        });
    });

    document.getElementById('aibase-refresh').addEventListener('click', refreshPlugins);

    Array.prototype.forEach.call(document.querySelectorAll('form.aibase-config'), function (form) {
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var result = form.querySelector('.aibase-config-result');
            var values = {};
            try {
                Array.prototype.forEach.call(form.querySelectorAll('input[data-type]'), function (input) {
                    var type = input.getAttribute('data-type');
                    if (input.type === 'password') {
                        if (input.value !== '') {
                            values[input.name] = input.value;
                        }
                    } else if (type === 'boolean') {
                        values[input.name] = input.checked;
                    } else if (input.value === '') {
                        values[input.name] = null; // restores the default
                    } else if (type === 'integer' || type === 'number') {
                        values[input.name] = Number(input.value);
                    } else if (type === 'list' || type === 'json') {
                        values[input.name] = JSON.parse(input.value);
                    } else {
                        values[input.name] = input.value;
                    }
                });
            } catch (e) {
                result.textContent = 'Not saved: ' + e.message;
                return;
            }
            var id = form.getAttribute('data-plugin');
            post('/plugins/' + encodeURIComponent(id) + '/config', JSON.stringify(values), 'application/json')
                .then(function (answer) {
                    result.textContent = answer.ok ? 'Saved.' : 'Not saved: ' + describeError(answer);
                    result.className = 'aibase-config-result ' + (answer.ok ? 'ui-state-highlight' : 'ui-state-error');
                });
        });
    });

    localTimes(page);
    window.setInterval(refreshPlugins, refreshMillis);
}());
