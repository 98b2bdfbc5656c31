/// The workspace's own stylesheet and script, served from `/static/` (the
/// Content-Security-Policy allows nothing inline). The page works without the script,
/// which only refreshes the preview as ratings change.
enum StaticAssets {
    static let css = """
        *{box-sizing:border-box}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Arial,\
        sans-serif;line-height:1.5;color:#1b1b1b;background:#fff}
        header{background:#1d4f91;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
        header a,header button{color:#fff}
        .brand{font-weight:700;margin:0}
        nav{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
        nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;margin:0;padding:0}
        nav form{margin:0}
        nav button{background:none;border:1px solid #fff;padding:.2rem .6rem;font:inherit;cursor:pointer}
        main{max-width:60rem;margin:0 auto;padding:1rem}
        h1{font-size:1.6rem}
        h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #1d4f91}
        fieldset{border:1px solid #b1b4b6;margin:1rem 0;padding:.5rem 1rem}
        legend{font-weight:700;padding:0 .25rem}
        .field{margin:.75rem 0}
        label{display:block}
        .checkbox label{display:inline}
        .ratings label{display:inline-block;margin:.25rem 1rem .25rem 0}
        input[type=text],input[type=date],input[type=password],select,textarea{font:inherit;padding:.3rem;border:2px \
        solid #0b0c0c;max-width:100%}
        textarea{width:100%}
        .hint{color:#505a5f;margin:.2rem 0}
        .error{color:#b03a2e;font-weight:700;margin:.2rem 0}
        .has-error{border-left:5px solid #b03a2e;padding-left:.75rem}
        .error-summary{border:4px solid #b03a2e;padding:1rem;margin:1rem 0}
        .error-summary a{color:#b03a2e}
        .preview{border:2px solid #1d4f91;padding:.5rem 1rem;margin:1rem 0}
        .preview:empty{display:none}
        .grade{font-size:1.2rem}
        .buttons{display:flex;flex-wrap:wrap;gap:1rem;margin:1.5rem 0}
        button,.button{font:inherit;background:#0b6e4f;color:#fff;border:0;padding:.5rem \
        1rem;cursor:pointer;text-decoration:none;display:inline-block}
        button.secondary{background:#e0e4e8;color:#1b1b1b}
        a{color:#1d4f91}
        :focus{outline:3px solid #f0a202;outline-offset:2px}
        .table{overflow-x:auto}
        table{border-collapse:collapse;width:100%}
        th,td{border-bottom:1px solid #c8c8c8;padding:.3rem .5rem;text-align:left}
        @media (max-width:40rem){table.stacked thead{position:absolute;width:1px;height:1px;overflow:hidden;\
        clip:rect(0 0 0 0)}table.stacked,table.stacked caption,table.stacked tbody,table.stacked tr{display:block}\
        table.stacked caption{text-align:left}table.stacked tr{border-bottom:2px solid #b1b4b6;padding:.4rem 0}\
        table.stacked th,table.stacked td{display:grid;grid-template-columns:7.5rem 1fr;gap:.5rem;border:0;\
        padding:.1rem 0;overflow-wrap:anywhere}table.stacked [data-label]::before{content:attr(data-label);\
        font-weight:700}}
        .facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
        .facts dt{font-weight:700}
        .facts dd{margin:0}
        .visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0)}
        .skip-link{position:absolute;left:-999px;top:0;background:#f0a202;color:#0b0c0c;padding:.5rem 1rem;z-index:10}
        .skip-link:focus{left:0}
        .form-layout{display:block}
        .progress-panel{position:sticky;top:0;z-index:5;background:#fff;border-bottom:3px solid #1d4f91;\
        padding:.5rem 0;margin-bottom:1rem}
        .progress-panel .buttons{margin:.5rem 0}
        .progress-panel .rated{margin:.25rem 0}
        .progress-panel .live .preview{border:0;padding:0;margin:0}
        .progress-panel .live h2{font-size:1.1rem;margin:0;border:0}
        .progress-panel .live ol,.progress-panel .live details,.progress-panel .live ul,.progress-panel .live h3,\
        .progress-panel .live p:not(.grade){display:none}
        .task-list{padding-left:1.2rem;margin:.25rem 0}
        .task-list li{margin:.2rem 0}
        .tag{font-size:.85rem;background:#e0e4e8;padding:0 .4rem}
        .tag.done{background:#cce2d8;color:#005a30}
        @media (min-width:64rem){main{max-width:80rem}.form-layout{display:grid;grid-template-columns:1fr 18rem;gap:2rem}\
        .progress-panel{order:2;align-self:start;top:1rem;border:2px solid #1d4f91;padding:.5rem 1rem;\
        max-height:calc(100vh - 2rem);overflow:auto}.progress-panel .live ol,.progress-panel .live ul,\
        .progress-panel .live h3{display:block}.progress-panel .live p:not(.grade){display:block}\
        .form-main{order:1;min-width:0}}
        .sticky-actions{position:sticky;bottom:0;background:#fff;border-top:3px solid #1d4f91;padding:.5rem 0}
        .checkboxes label{display:inline-block;margin:.2rem 1rem .2rem 0}
        .filters{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:end}
        .radios input{margin-right:.3rem}
        .radios label{display:inline-block;margin:.25rem 1.5rem .25rem 0}
        .conditional{border-left:4px solid #b1b4b6;padding-left:1rem;margin:.25rem 0 .5rem .6rem}
        #f-kind-moderation:not(:checked)~.conditional:not(.shown){display:none}
        details.guidance{margin:.2rem 0;color:#505a5f}
        details.guidance p{margin:.2rem 0}
        .plan-check{border:1px solid #b1b4b6;padding:.5rem .8rem;margin:0 0 1rem}
        .plan-check .notice{border-left:5px solid #1d70b8;padding:.2rem .6rem;margin:.4rem 0}
        .suggestion{border-left:5px solid #f47738;padding:.2rem .6rem;margin:.3rem 0;background:#fef7f1}
        .suggestion p{margin:.2rem 0}
        summary{cursor:pointer;color:#1d4f91}
        .comment-label{font-size:.9rem;margin-top:.3rem}
        .notification-banner{border:5px solid #00703c;margin:1rem 0;padding:.5rem 1rem}
        .notification-banner h2{border:0;margin:.2rem 0;font-size:1rem;color:#00703c}
        .panel{border:2px solid #1d4f91;padding:.5rem 1rem;margin:1rem 0}
        .warning{border-left:5px solid #b03a2e;padding:.5rem 1rem;margin:1rem 0;background:#fdf2f1}
        .summary-list{margin:.5rem 0 1rem}
        .summary-row{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:1rem;\
        border-bottom:1px solid #c8c8c8;padding:.3rem 0}
        .summary-row dt{font-weight:700}
        .summary-row dd{margin:0;overflow-wrap:anywhere}
        footer{border-top:2px solid #1d4f91;margin-top:2rem;padding:1rem}
        footer ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;max-width:60rem;margin:0 auto;padding:0}
        button:focus,a:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #f0a202;\
        outline-offset:2px;box-shadow:0 0 0 5px #0b0c0c}
        @media print{header,nav,footer,.no-print,.buttons,.skip-link,form button{display:none}\
        main{max-width:none;padding:0}a{color:#000;text-decoration:none}.table{overflow:visible}\
        h2{break-after:avoid}tr{break-inside:avoid}}
        """

    static let previewScript = """
        // The audit form's live panel: the grade so far, the count of criteria rated and each
        // section's state, refreshed as ratings change, and a warning before leaving with
        // unsaved changes. The form works without it.
        (function () {
          var form = document.querySelector("form.audit-form");
          var panel = document.getElementById("preview");
          var button = form && form.querySelector("button[formaction]");
          if (!form || !panel || !button || !window.fetch) return;
          var timer = null, dirty = false;
          function rated(fieldset) { return fieldset.querySelector("input[type=radio]:checked") !== null; }
          function count() {
            var all = form.querySelectorAll("fieldset[data-section]:not([data-section=advice])"), done = 0, sections = {};
            Array.prototype.forEach.call(all, function (fieldset) {
              var id = fieldset.getAttribute("data-section"), yes = rated(fieldset);
              if (yes) done += 1;
              sections[id] = (sections[id] === undefined ? true : sections[id]) && yes;
            });
            var counter = form.querySelector("[data-rated]");
            if (counter) counter.textContent = String(done);
            Object.keys(sections).forEach(function (id) {
              var tag = form.querySelector("[data-section-status='" + id + "']");
              if (!tag) return;
              tag.textContent = sections[id] ? "Complete" : "Not yet";
              tag.className = sections[id] ? "tag done" : "tag";
            });
          }
          function refresh() {
            var data = new FormData(form);
            data.delete("planDocument");  // the preview needs the ratings, not the document
            var body = new URLSearchParams(data);
            var options = {method: "POST", body: body, headers: {"X-Preview": "1"}, credentials: "same-origin"};
            fetch(button.getAttribute("formaction"), options)
              .then(function (response) { return response.text(); })
              .then(function (html) { panel.innerHTML = html; })
              .catch(function () {});
          }
          form.addEventListener("change", function () {
            dirty = true;
            count();
            clearTimeout(timer);
            timer = setTimeout(refresh, 250);
          });
          form.addEventListener("submit", function () { dirty = false; });
          window.addEventListener("beforeunload", function (event) {
            if (!dirty) return;
            event.preventDefault();
            event.returnValue = "";
          });
        })();
        """
}
