/* The SPARQL page: mount YASGUI on the local endpoint, offline (no remote autocompletion),
   and make each example query load into the editor with one click. Without this script the
   plain form below the editor still works. */
(function () {
  "use strict";
  function start() {
    var mount = document.getElementById("yasgui");
    var form = document.getElementById("plain-form");
    if (!mount || typeof window.Yasgui !== "function") { return; }
    var Yasgui = window.Yasgui;
    // "class" and "property" autocompleters ask a remote vocabulary service: keep the page offline.
    Yasgui.Yasqe.defaults.autocompleters = Yasgui.Yasqe.defaults.autocompleters.filter(function (name) {
      return name !== "class" && name !== "property";
    });
    var endpoint = new URL(mount.getAttribute("data-endpoint") || "/sparql", window.location.href).href;
    var yasgui = new Yasgui(mount, {
      requestConfig: { endpoint: endpoint, method: "POST" },
      copyEndpointOnNewTab: true,
      endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
      persistenceId: null,
      populateFromUrl: false,
      yasr: { prefixes: {} }
    });
    var textarea = document.getElementById("query");
    var tab = yasgui.getTab();
    if (textarea && textarea.value.trim()) { tab.setQuery(textarea.value); }
    document.body.classList.add("js-ready");
    document.querySelectorAll("a.example").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var source = document.getElementById(link.getAttribute("data-example"));
        if (!source) { return; }
        event.preventDefault();
        var current = yasgui.getTab();
        current.setQuery(source.textContent);
        current.getYasqe().focus();
      });
    });
    window.councilYasgui = yasgui;
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
