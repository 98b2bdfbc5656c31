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
        .facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
        .facts dt{font-weight:700}
        .facts dd{margin:0}
        .visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0)}
        """

    static let previewScript = """
        // Refreshes the preview beside the audit form as ratings change; the form works without it.
        (function () {
          var form = document.querySelector("form.audit-form");
          var panel = document.getElementById("preview");
          var button = form && form.querySelector("button[formaction]");
          if (!form || !panel || !button || !window.fetch) return;
          var timer = null;
          function refresh() {
            var body = new URLSearchParams(new FormData(form));
            var options = {method: "POST", body: body, headers: {"X-Preview": "1"}, credentials: "same-origin"};
            fetch(button.getAttribute("formaction"), options)
              .then(function (response) { return response.text(); })
              .then(function (html) { panel.innerHTML = html; })
              .catch(function () {});
          }
          form.addEventListener("change", function () {
            clearTimeout(timer);
            timer = setTimeout(refresh, 250);
          });
        })();
        """
}
