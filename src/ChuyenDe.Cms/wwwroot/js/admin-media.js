// Media library uploads: progressive enhancement only. The form works without this file (one multipart post).
// With it: drag and drop, one XMLHttpRequest per file with its own <progress> bar and result, and a "retry" button
// for a file whose upload failed or was aborted (the whole file is sent again: uploads are restartable).
// UI strings come from data-text-* attributes of the form, rendered from the server's resources.
(function () {
    'use strict';

    var form = document.querySelector('form[data-media-upload]');
    if (!form || !window.FormData || !window.XMLHttpRequest) {
        return;
    }

    var input = form.querySelector('input[type="file"]');
    var list = form.querySelector('[data-media-progress]');
    var drop = form.querySelector('[data-media-drop]');

    function text(name, fallback) {
        return form.getAttribute('data-text-' + name) || fallback;
    }

    function field(name) {
        var element = form.querySelector('[name="' + name + '"]');
        return element ? element.value : '';
    }

    function upload(file, row) {
        var bar = row.querySelector('progress');
        var status = row.querySelector('.media-status');
        var retry = row.querySelector('button');
        retry.hidden = true;
        bar.value = 0;
        bar.removeAttribute('max');
        status.textContent = text('uploading', 'Uploading…');
        row.className = 'media-pending';

        var data = new FormData();
        data.append('OrganizationId', field('OrganizationId'));
        data.append('Folder', field('Folder'));
        data.append('files', file, file.name);

        var request = new XMLHttpRequest();
        request.open('POST', form.action);
        request.setRequestHeader('Accept', 'application/json');
        request.setRequestHeader('X-CSRF-TOKEN', field('__RequestVerificationToken'));
        request.upload.onprogress = function (event) {
            if (event.lengthComputable) {
                bar.max = event.total;
                bar.value = event.loaded;
            }
        };

        function failed(message) {
            row.className = 'media-failed';
            status.textContent = message || text('failed', 'The upload failed.');
            retry.hidden = false;
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
                if (result.ok) {
                    row.className = 'media-ok';
                    bar.max = 1;
                    bar.value = 1;
                    status.textContent = result.message || text('ok', 'Uploaded.');
                } else {
                    row.className = 'media-refused';
                    status.textContent = result.message;
                }
            } else {
                failed(results && results.detail);
            }
        };
        request.onerror = function () { failed(); };
        request.onabort = function () { failed(); };
        request.send(data);
    }

    function start(files) {
        Array.prototype.forEach.call(files, function (file) {
            var row = document.createElement('li');
            var name = document.createElement('span');
            name.className = 'media-name';
            name.textContent = file.name;
            var bar = document.createElement('progress');
            var status = document.createElement('span');
            status.className = 'media-status';
            var retry = document.createElement('button');
            retry.type = 'button';
            retry.className = 'button';
            retry.textContent = text('retry', 'Retry');
            retry.hidden = true;
            retry.addEventListener('click', function () { upload(file, row); });
            row.appendChild(name);
            row.appendChild(bar);
            row.appendChild(status);
            row.appendChild(retry);
            list.appendChild(row);
            upload(file, row);
        });
    }

    form.addEventListener('submit', function (event) {
        if (!input.files || input.files.length === 0) {
            return;
        }

        event.preventDefault();
        start(input.files);
        input.value = '';
    });

    if (drop) {
        ['dragenter', 'dragover'].forEach(function (type) {
            drop.addEventListener(type, function (event) {
                event.preventDefault();
                drop.classList.add('media-drop-active');
            });
        });
        ['dragleave', 'drop'].forEach(function (type) {
            drop.addEventListener(type, function () {
                drop.classList.remove('media-drop-active');
            });
        });
        drop.addEventListener('drop', function (event) {
            event.preventDefault();
            if (event.dataTransfer && event.dataTransfer.files.length) {
                start(event.dataTransfer.files);
            }
        });
    }
}());
