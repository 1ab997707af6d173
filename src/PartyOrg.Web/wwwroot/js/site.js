// Larger text ("Chữ lớn"): the choice is kept in a cookie, so the server renders every page at the chosen size,
// and in localStorage, so it comes back if the cookie is cleared.
(function () {
    "use strict";
    var cookie = "text-size";
    var root = document.documentElement;

    function save(large) {
        document.cookie = cookie + "=" + (large ? "large" : "normal") + "; path=/; max-age=31536000; SameSite=Lax";
        try { localStorage.setItem(cookie, large ? "large" : "normal"); } catch (e) { /* private mode: the cookie is enough */ }
    }

    function apply(large) {
        root.classList.toggle("text-large", large);
        document.querySelectorAll(".text-size-toggle").forEach(function (b) { b.setAttribute("aria-pressed", large ? "true" : "false"); });
    }

    // A choice remembered only in localStorage (cookie cleared): restore it and the cookie.
    var stored = null;
    try { stored = localStorage.getItem(cookie); } catch (e) { /* ignore */ }
    if (stored && document.cookie.indexOf(cookie + "=") < 0) { apply(stored === "large"); save(stored === "large"); }

    document.querySelectorAll(".text-size-toggle").forEach(function (button) {
        button.addEventListener("click", function () {
            var large = !root.classList.contains("text-large");
            apply(large);
            save(large);
        });
    });
})();
