// Generated editors: progressive enhancement only. Every form works without this file.
// - "Preview" renders the body through the server's sanitiser without reloading the page.
// - Content pickers get a search box (GET /admin/noi-dung/tim) that adds the chosen item to the list.
// - Long media lists get a filter box; media fields can upload new files to the library and tick them.
// UI strings come from data-text-* attributes of the form, rendered from the server's resources.
(function () {
    'use strict';

    function text(form, name, fallback) {
        return (form && form.getAttribute('data-text-' + name)) || fallback;
    }

    function tokenOf(form) {
        var input = form.querySelector('input[name="__RequestVerificationToken"]');
        return input ? input.value : '';
    }

    // Focus the error summary so that keyboard and screen-reader users hear what went wrong.
    var summary = document.getElementById('error-summary');
    if (summary) {
        summary.focus();
    }

    var form = document.querySelector('form.content-editor');
    if (!form) {
        return;
    }

    // Body preview
    form.addEventListener('click', function (event) {
        var button = event.target.closest('.preview-button');
        if (!button || !window.fetch) {
            return;
        }

        var source = document.getElementById(button.getAttribute('data-preview-source'));
        var target = document.getElementById(button.getAttribute('data-preview-target'));
        if (!source || !target) {
            return;
        }

        event.preventDefault();
        var body = new FormData();
        body.append('text', source.value);
        body.append('kind', button.getAttribute('data-preview-kind') || 'markdown');
        button.disabled = true;
        fetch(form.getAttribute('data-preview-url'), {
            method: 'POST',
            body: body,
            credentials: 'same-origin',
            headers: { 'X-CSRF-TOKEN': tokenOf(form) }
        }).then(function (response) {
            if (!response.ok) {
                throw new Error(String(response.status));
            }

            return response.text();
        }).then(function (html) {
            // The server returns sanitised HTML (no script, no event handlers); the page's CSP blocks inline script too.
            target.querySelector('.preview-body').innerHTML = html;
            target.hidden = false;
        }).catch(function () {
            target.querySelector('.preview-body').textContent = text(form, 'preview-failed', 'The preview could not be made.');
            target.hidden = false;
        }).finally(function () {
            button.disabled = false;
        });
    });

    // Media lists: mark chosen files and filter long lists.
    Array.prototype.forEach.call(form.querySelectorAll('.media-field'), function (fieldset) {
        fieldset.addEventListener('change', function (event) {
            if (!event.target.classList.contains('media-toggle') && event.target.type !== 'radio') {
                return;
            }

            Array.prototype.forEach.call(fieldset.querySelectorAll('.media-choice'), function (choice) {
                var input = choice.querySelector('input[type=checkbox], input[type=radio]');
                choice.classList.toggle('chosen', !!(input && input.checked && input.value));
            });
        });

        var choices = fieldset.querySelectorAll('.media-choice[data-filter-text]');
        var list = fieldset.querySelector('.media-choices');
        if (choices.length < 8 || !list) {
            return;
        }

        var wrapper = document.createElement('div');
        wrapper.className = 'media-filter';
        var id = fieldset.id + '-filter';
        var label = document.createElement('label');
        label.className = 'sub-label';
        label.htmlFor = id;
        label.textContent = text(form, 'filter-files', 'Filter the files by name');
        var input = document.createElement('input');
        input.type = 'search';
        input.id = id;
        input.setAttribute('aria-controls', list.id || '');
        wrapper.appendChild(label);
        wrapper.appendChild(input);
        list.parentNode.insertBefore(wrapper, list);
        input.addEventListener('input', function () {
            var query = input.value.trim().toLowerCase();
            Array.prototype.forEach.call(choices, function (choice) {
                var checked = choice.querySelector('input:checked');
                choice.hidden = query.length > 0 && !checked && choice.getAttribute('data-filter-text').toLowerCase().indexOf(query) < 0;
            });
        });
    });

    // Media fields: upload new files to the library (one XMLHttpRequest each, with a progress bar) and tick them here.
    var uploadUrl = form.getAttribute('data-upload-url');
    var uploadCounter = 0;
    Array.prototype.forEach.call(form.querySelectorAll('.media-field'), function (fieldset) {
        var box = fieldset.querySelector('.media-upload');
        var input = box && box.querySelector('.media-upload-input');
        if (!input || !uploadUrl || !window.FormData || !window.XMLHttpRequest) {
            return;
        }

        box.hidden = false;
        var progress = box.querySelector('.media-upload-progress');
        var key = fieldset.getAttribute('data-media-key');
        var multiple = fieldset.getAttribute('data-media-multiple') === 'true';
        var allowText = fieldset.getAttribute('data-media-text') === 'true';

        function organization() {
            var element = form.querySelector('[name="OrganizationPart.OrganizationId"]');
            return element ? element.value : '';
        }

        function addChoice(path, name) {
            var existing = Array.prototype.find.call(fieldset.querySelectorAll('.media-toggle'), function (toggle) {
                return toggle.value === path;
            });
            if (existing) {
                existing.checked = true;
                existing.closest('.media-choice').classList.add('chosen');
                return;
            }

            var list = fieldset.querySelector('.media-choices');
            if (!list) {
                list = document.createElement('ul');
                list.className = 'media-choices';
                list.id = fieldset.id + '-list';
                var empty = fieldset.querySelector('.fixed-value');
                if (empty) {
                    empty.hidden = true;
                }

                fieldset.insertBefore(list, box);
            }

            uploadCounter += 1;
            var id = fieldset.id + '-uploaded-' + uploadCounter;
            var li = document.createElement('li');
            li.className = 'media-choice chosen';
            li.setAttribute('data-filter-text', name + ' ' + path);
            var check = document.createElement('div');
            check.className = 'check';
            var toggle = document.createElement('input');
            toggle.type = multiple ? 'checkbox' : 'radio';
            toggle.id = id;
            toggle.name = key;
            toggle.value = path;
            toggle.className = 'media-toggle';
            var label = document.createElement('label');
            label.htmlFor = id;
            var span = document.createElement('span');
            span.className = 'media-path';
            span.title = path;
            span.textContent = name;
            label.appendChild(span);
            check.appendChild(toggle);
            check.appendChild(label);
            li.appendChild(check);
            if (allowText) {
                var wrap = document.createElement('div');
                wrap.className = 'media-text';
                var textLabel = document.createElement('label');
                textLabel.className = 'sub-label';
                textLabel.htmlFor = id + '-text';
                textLabel.textContent = text(form, 'media-text', 'Description of this file (alternative text)');
                var textInput = document.createElement('input');
                textInput.type = 'text';
                textInput.id = id + '-text';
                textInput.name = key + '.MediaText[' + path + ']';
                textInput.maxLength = 500;
                wrap.appendChild(textLabel);
                wrap.appendChild(textInput);
                li.appendChild(wrap);
            }

            // Single choice: after the "No file" option; several: first, with the other chosen files.
            var none = multiple ? null : list.querySelector('.media-choice');
            list.insertBefore(li, none ? none.nextSibling : list.firstChild);
            toggle.checked = true;
            if (!multiple) {
                Array.prototype.forEach.call(fieldset.querySelectorAll('.media-choice'), function (choice) {
                    choice.classList.toggle('chosen', choice === li);
                });
            }
        }

        function upload(file) {
            var row = document.createElement('li');
            var name = document.createElement('span');
            name.className = 'media-name';
            name.textContent = file.name;
            var bar = document.createElement('progress');
            var status = document.createElement('span');
            status.className = 'media-status';
            status.textContent = text(form, 'uploading', 'Uploading…');
            row.className = 'media-pending';
            row.appendChild(name);
            row.appendChild(bar);
            row.appendChild(status);
            progress.appendChild(row);

            var data = new FormData();
            data.append('OrganizationId', organization());
            data.append('files', file, file.name);
            var request = new XMLHttpRequest();
            request.open('POST', uploadUrl);
            request.setRequestHeader('Accept', 'application/json');
            request.setRequestHeader('X-CSRF-TOKEN', tokenOf(form));
            request.upload.onprogress = function (event) {
                if (event.lengthComputable) {
                    bar.max = event.total;
                    bar.value = event.loaded;
                }
            };

            function failed(message) {
                row.className = 'media-failed';
                status.textContent = message || text(form, 'upload-failed', 'The upload failed.');
            }

            request.onload = function () {
                var results = null;
                try {
                    results = JSON.parse(request.responseText);
                } catch (e) {
                    results = null;
                }

                if (request.status === 200 && results && results.length) {
                    var result = results[0];
                    status.textContent = result.message || (result.ok ? text(form, 'uploaded', 'Uploaded.') : text(form, 'upload-failed', 'The upload failed.'));
                    if (result.ok && result.path) {
                        row.className = 'media-ok';
                        bar.max = 1;
                        bar.value = 1;
                        addChoice(result.path, result.name || file.name);
                    } else {
                        row.className = 'media-refused';
                    }
                } else {
                    failed(results && results.detail);
                }
            };
            request.onerror = function () { failed(); };
            request.onabort = function () { failed(); };
            request.send(data);
        }

        input.addEventListener('change', function () {
            Array.prototype.forEach.call(input.files || [], upload);
            input.value = '';
        });
    });

    // Content pickers: search and add.
    var searchUrl = form.getAttribute('data-search-url');
    Array.prototype.forEach.call(form.querySelectorAll('.picker-field'), function (fieldset) {
        var search = fieldset.querySelector('.picker-search');
        if (!search || !searchUrl || !window.fetch) {
            return;
        }

        search.hidden = false;
        var query = search.querySelector('.picker-query');
        var results = search.querySelector('.picker-results');
        var key = fieldset.getAttribute('data-picker-key');
        var multiple = fieldset.getAttribute('data-picker-multiple') === 'true';
        var timer = null;
        var counter = 0;

        function choose(item) {
            if (multiple) {
                var list = fieldset.querySelector('.picker-choices');
                var existing = Array.prototype.find.call(fieldset.querySelectorAll('input[type=checkbox]'), function (box) {
                    return box.value === item.id;
                });
                if (existing) {
                    existing.checked = true;
                    return;
                }

                counter += 1;
                var li = document.createElement('li');
                li.className = 'check';
                var box = document.createElement('input');
                box.type = 'checkbox';
                box.name = key;
                box.value = item.id;
                box.checked = true;
                box.id = fieldset.id + '-added-' + counter;
                var label = document.createElement('label');
                label.htmlFor = box.id;
                label.textContent = item.title + ' · ' + item.typeName;
                li.appendChild(box);
                li.appendChild(label);
                list.insertBefore(li, list.firstChild);
            } else {
                var select = fieldset.querySelector('select');
                var option = Array.prototype.find.call(select.options, function (o) { return o.value === item.id; });
                if (!option) {
                    option = new Option(item.title + ' · ' + item.typeName, item.id);
                    select.add(option, 1);
                }

                select.value = item.id;
            }
        }

        function show(items) {
            results.textContent = '';
            if (items.length === 0) {
                var empty = document.createElement('li');
                empty.textContent = text(form, 'no-results', 'Nothing found.');
                results.appendChild(empty);
                return;
            }

            items.forEach(function (item) {
                var li = document.createElement('li');
                var span = document.createElement('span');
                span.textContent = item.title + ' · ' + item.typeName + (item.published ? '' : ' (' + text(form, 'draft', 'draft') + ')');
                var button = document.createElement('button');
                button.type = 'button';
                button.className = 'button secondary';
                button.textContent = text(form, 'choose', 'Choose');
                button.setAttribute('aria-label', text(form, 'choose', 'Choose') + ': ' + item.title);
                button.addEventListener('click', function () {
                    choose(item);
                    button.textContent = text(form, 'chosen', 'Chosen');
                });
                li.appendChild(span);
                li.appendChild(button);
                results.appendChild(li);
            });
        }

        query.addEventListener('keydown', function (event) {
            if (event.key === 'Enter') {
                event.preventDefault(); // Enter searches here; it must not submit the form.
            }
        });
        query.addEventListener('input', function () {
            window.clearTimeout(timer);
            var q = query.value.trim();
            if (q.length < 2) {
                results.textContent = '';
                return;
            }

            timer = window.setTimeout(function () {
                var url = searchUrl + '?q=' + encodeURIComponent(q) + '&types=' + encodeURIComponent(fieldset.getAttribute('data-picker-types') || '');
                fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
                    .then(function (response) { return response.ok ? response.json() : []; })
                    .then(show)
                    .catch(function () { show([]); });
            }, 250);
        });
    });
})();
