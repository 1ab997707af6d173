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

// Pickers: suggestions while typing, from the JSON endpoint named on the picker; a choice is a radio button in the form,
// exactly as the server renders the matches of a search made without scripts.
(function () {
    "use strict";

    function option(name, item, checked) {
        var label = document.createElement("label");
        label.className = "picker-option";
        var input = document.createElement("input");
        input.className = "form-check-input";
        input.type = "radio";
        input.name = name;
        input.value = String(item.id);
        input.checked = !!checked;
        var text = document.createElement("span");
        text.className = "picker-label";
        text.textContent = item.label;
        label.appendChild(input);
        label.appendChild(document.createTextNode(" "));
        label.appendChild(text);
        if (item.detail) {
            var detail = document.createElement("span");
            detail.className = "picker-detail";
            detail.textContent = item.detail;
            label.appendChild(detail);
        }
        return label;
    }

    function setUp(picker) {
        var source = picker.getAttribute("data-picker-source");
        var name = picker.getAttribute("data-picker-name");
        var box = picker.querySelector("[data-picker-input]");
        var list = picker.querySelector("[data-picker-options]");
        var button = picker.querySelector("[data-picker-search]");
        if (!source || !name || !box || !list) return;
        var timer = null;
        var asked = 0;

        function search() {
            var text = box.value.trim();
            if (text.length < 2) return;
            var ticket = ++asked;
            fetch(source + (source.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(text),
                { credentials: "same-origin", headers: { "Accept": "application/json" } })
                .then(function (r) { return r.ok ? r.json() : null; })
                .then(function (items) {
                    if (!items || ticket !== asked) return;
                    // The current choice stays on top, still chosen, until another one is picked.
                    var current = list.querySelector("input[type=radio]:checked");
                    var keep = current ? current.closest(".picker-option") : null;
                    list.querySelectorAll(".picker-option, .picker-empty").forEach(function (el) { if (el !== keep) el.remove(); });
                    items.forEach(function (item) {
                        if (!current || String(item.id) !== current.value) list.appendChild(option(name, item, false));
                    });
                    if (items.length === 0) {
                        var empty = document.createElement("p");
                        empty.className = "picker-empty";
                        empty.textContent = "Không tìm thấy “" + text + "”. Thử gõ ít chữ hơn.";
                        list.appendChild(empty);
                    }
                })
                .catch(function () { /* the Tìm button still searches through the page */ });
        }

        box.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(search, 250);
        });
        // Enter and Tìm search in place, so nothing typed elsewhere in the form is lost.
        box.addEventListener("keydown", function (e) {
            if (e.key === "Enter") { e.preventDefault(); clearTimeout(timer); search(); }
        });
        if (button) button.addEventListener("click", function (e) { e.preventDefault(); clearTimeout(timer); search(); });
    }

    document.querySelectorAll(".picker[data-picker-source]").forEach(setUp);
})();

// Irreversible actions: a form marked data-confirm asks first, then goes with Confirmed=true; without scripts the server
// asks on a page of its own.
(function () {
    "use strict";
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
        // A form that asks only for some steps carries the attribute without a question for the others.
        if (!form.getAttribute("data-confirm")) return;
        form.addEventListener("submit", function (e) {
            // Already confirmed: by a previous answer, or by ticking the form's own "Tôi xác nhận" box.
            if (form.querySelector("input[name=Confirmed][type=hidden], input[name=Confirmed][type=checkbox]:checked")) return;
            if (!window.confirm(form.getAttribute("data-confirm"))) { e.preventDefault(); return; }
            var confirmed = document.createElement("input");
            confirmed.type = "hidden";
            confirmed.name = "Confirmed";
            confirmed.value = "true";
            form.appendChild(confirmed);
        });
    });
})();

// A form sent back with errors: bring the first one into view and give it focus (the summary when no field is marked).
(function () {
    "use strict";
    var first = document.querySelector(".input-validation-error, .picker-invalid input, .field-validation-error");
    var summary = document.querySelector(".alert-danger[role=alert]");
    var target = first && first.matches("input, select, textarea") ? first : summary || first;
    if (!target) return;
    if (!target.matches("input, select, textarea, button, a")) target.setAttribute("tabindex", "-1");
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
})();

// Import progress: polls the job while it runs on the server and reloads the page once it has finished.
(function () {
    var box = document.querySelector("[data-import-progress]");
    if (!box) return;
    var bar = box.querySelector("progress");
    var text = box.querySelector("[data-import-text]");
    var number = function (n) { return Number(n).toLocaleString("vi-VN"); };
    var poll = function () {
        fetch(box.getAttribute("data-import-progress"), { headers: { "Accept": "application/json" }, credentials: "same-origin" })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (job) {
                if (!job) return;
                if (job.state !== "Running") { window.location.reload(); return; }
                bar.max = Math.max(1, job.total);
                bar.value = job.processed;
                text.textContent = (job.phase || "Đang xử lý") + ": " + number(job.processed) + "/" + number(job.total) + " dòng";
            })
            .catch(function () { })
            .then(function () { window.setTimeout(poll, 1000); });
    };
    window.setTimeout(poll, 1000);
})();
