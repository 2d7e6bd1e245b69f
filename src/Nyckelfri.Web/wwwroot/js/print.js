// "Skriv ut" buttons (data-nf-print). A file rather than an inline handler: the
// Content-Security-Policy allows scripts from this site only (script-src 'self').
document.querySelectorAll("[data-nf-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
});
