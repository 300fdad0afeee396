// The licence box of item pages: the attribution text is a read-only text area anyone can select and copy; with the
// Clipboard API this script shows the "copy" button beside it, copies the text and announces it in the box's live
// region. Without the script, or without the Clipboard API (pages not served over HTTPS), the button stays hidden.
(function () {
    'use strict';

    if (!navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') {
        return;
    }

    function enhance(button) {
        var source = document.getElementById(button.getAttribute('data-copy-from'));
        var status = button.parentNode.querySelector('.attribution-status');
        if (!source) {
            return;
        }

        button.hidden = false;
        button.addEventListener('click', function () {
            navigator.clipboard.writeText(source.value).then(function () {
                if (status) {
                    // Emptied first so that copying twice is announced twice.
                    status.textContent = '';
                    window.setTimeout(function () { status.textContent = button.getAttribute('data-copy-done'); }, 50);
                }
            }, function () {
                source.focus();
                source.select();
            });
        });
    }

    function init() {
        Array.prototype.forEach.call(document.querySelectorAll('button[data-copy-from]'), enhance);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();
