// Search boxes: suggestions as you type, as an ARIA 1.2 combobox with a listbox popup (arrow keys move, Enter picks,
// Escape closes), fetched from data-suggest-url after a short pause. And on phones the filters of the search page
// start folded so the results come first. Without this script the boxes are plain GET forms and everything works.
(function () {
    'use strict';

    var DEBOUNCE_MS = 200;
    var MIN_LENGTH = 2;

    function format(template, value) {
        return (template || '{0}').replace('{0}', String(value));
    }

    function enhance(input) {
        var url = input.getAttribute('data-suggest-url');
        if (!url || input.getAttribute('role') === 'combobox') {
            return;
        }

        var form = input.form;
        var listId = (input.id || 'tim-kiem') + '-goi-y';
        var wrapper = document.createElement('div');
        wrapper.className = 'suggest';
        input.parentNode.insertBefore(wrapper, input);
        wrapper.appendChild(input);

        var list = document.createElement('ul');
        list.id = listId;
        list.className = 'suggest-list';
        list.setAttribute('role', 'listbox');
        list.setAttribute('aria-label', input.getAttribute('data-suggest-label') || '');
        list.hidden = true;
        wrapper.appendChild(list);

        var status = document.createElement('p');
        status.className = 'visually-hidden';
        status.setAttribute('role', 'status');
        status.setAttribute('aria-atomic', 'true');
        wrapper.appendChild(status);

        input.setAttribute('role', 'combobox');
        input.setAttribute('aria-autocomplete', 'list');
        input.setAttribute('aria-expanded', 'false');
        input.setAttribute('aria-controls', listId);

        var timer = 0;
        var pending = null;
        var items = [];
        var active = -1;
        var lastQuery = null;

        function close() {
            list.hidden = true;
            input.setAttribute('aria-expanded', 'false');
            input.removeAttribute('aria-activedescendant');
            setActive(-1);
        }

        function open() {
            if (items.length > 0) {
                list.hidden = false;
                input.setAttribute('aria-expanded', 'true');
            }
        }

        function setActive(index) {
            var options = list.children;
            if (active >= 0 && options[active]) {
                options[active].setAttribute('aria-selected', 'false');
                options[active].classList.remove('active');
            }

            active = index;
            if (active >= 0 && options[active]) {
                options[active].setAttribute('aria-selected', 'true');
                options[active].classList.add('active');
                input.setAttribute('aria-activedescendant', options[active].id);
                if (options[active].scrollIntoView) {
                    options[active].scrollIntoView({ block: 'nearest' });
                }
            } else {
                input.removeAttribute('aria-activedescendant');
            }
        }

        function choose(index) {
            input.value = items[index];
            close();
            if (form) {
                if (form.requestSubmit) {
                    form.requestSubmit();
                } else {
                    form.submit();
                }
            }
        }

        function render(suggestions, query) {
            items = suggestions.slice(0, 10);
            list.textContent = '';
            items.forEach(function (text, index) {
                var option = document.createElement('li');
                option.id = listId + '-' + index;
                option.className = 'suggest-option';
                option.setAttribute('role', 'option');
                option.setAttribute('aria-selected', 'false');
                option.textContent = text;
                // Keep the focus in the box while the pointer picks an option.
                option.addEventListener('mousedown', function (event) { event.preventDefault(); });
                option.addEventListener('click', function () { choose(index); });
                list.appendChild(option);
            });
            active = -1;
            if (items.length > 0) {
                open();
                status.textContent = format(input.getAttribute('data-suggest-count'), items.length);
            } else {
                close();
                status.textContent = query.length >= MIN_LENGTH ? (input.getAttribute('data-suggest-none') || '') : '';
            }
        }

        function load(then) {
            var query = input.value.trim();
            if (query === lastQuery) {
                open();
                if (then) { then(); }
                return;
            }

            lastQuery = query;
            if (pending) {
                pending.abort();
                pending = null;
            }

            if (query.length < MIN_LENGTH) {
                render([], query);
                return;
            }

            var controller = typeof AbortController === 'function' ? new AbortController() : null;
            pending = controller;
            fetch(url + '?q=' + encodeURIComponent(query), {
                headers: { 'Accept': 'application/json' },
                credentials: 'same-origin',
                signal: controller ? controller.signal : undefined
            })
                .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
                .then(function (data) {
                    if (input.value.trim() !== query) {
                        return;
                    }

                    render((data && Array.isArray(data.suggestions)) ? data.suggestions : [], query);
                    if (then) { then(); }
                })
                .catch(function () { /* aborted by newer typing, or offline: the box stays a plain box */ });
        }

        input.addEventListener('input', function () {
            clearTimeout(timer);
            timer = setTimeout(function () { load(null); }, DEBOUNCE_MS);
        });

        input.addEventListener('keydown', function (event) {
            var expanded = !list.hidden;
            switch (event.key) {
                case 'ArrowDown':
                    event.preventDefault();
                    if (!expanded) {
                        clearTimeout(timer);
                        load(function () { if (items.length > 0) { setActive(0); } });
                    } else {
                        setActive(active + 1 >= items.length ? 0 : active + 1);
                    }
                    break;
                case 'ArrowUp':
                    if (expanded) {
                        event.preventDefault();
                        setActive(active <= 0 ? items.length - 1 : active - 1);
                    }
                    break;
                case 'Enter':
                    if (expanded && active >= 0) {
                        event.preventDefault();
                        choose(active);
                    }
                    break;
                case 'Escape':
                    if (expanded) {
                        event.preventDefault();
                        close();
                    }
                    break;
                case 'Tab':
                    close();
                    break;
                default:
                    break;
            }
        });

        input.addEventListener('blur', close);
    }

    function foldFiltersOnPhones() {
        var facets = document.querySelector('[data-facets]');
        if (facets && window.matchMedia && window.matchMedia('(max-width: 899px)').matches) {
            facets.open = false;
        }
    }

    function start() {
        Array.prototype.forEach.call(document.querySelectorAll('input[data-suggest-url]'), enhance);
        foldFiltersOnPhones();
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
