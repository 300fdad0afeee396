// Share links of item pages: the links marked data-share-copy ("copy link", and Zalo, which has no plain share
// address) copy the page's address with the Clipboard API and announce it in the section's live region. Without this
// script, or without the Clipboard API (pages not served over HTTPS), they stay links to the page and the address is
// shown beside them to copy by hand.
(function () {
    'use strict';

    if (!navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') {
        return;
    }

    function announce(link, text) {
        var section = link.closest('.share');
        var status = section && section.querySelector('.share-status');
        if (!status) {
            return;
        }

        // Emptied first so that the same message, copied twice, is announced twice.
        status.textContent = '';
        window.setTimeout(function () { status.textContent = text; }, 50);
    }

    function enhance(link) {
        link.setAttribute('role', 'button');
        link.addEventListener('click', function (event) {
            event.preventDefault();
            navigator.clipboard.writeText(link.getAttribute('data-share-copy')).then(
                function () { announce(link, link.getAttribute('data-share-done')); },
                function () { announce(link, link.getAttribute('data-share-failed')); });
        });
        // A button also answers the Space key (a link only Enter).
        link.addEventListener('keydown', function (event) {
            if (event.key === ' ') {
                event.preventDefault();
                link.click();
            }
        });
    }

    function init() {
        Array.prototype.forEach.call(document.querySelectorAll('a[data-share-copy]'), enhance);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();
