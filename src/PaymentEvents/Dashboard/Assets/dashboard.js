// PaymentEvents dashboard: the only script. On the first page of the events list it fetches the same URL every few
// seconds and shows the fresh rows, marking those it had not shown, so new deliveries appear without a reload.
(function () {
  "use strict";
  var body = document.getElementById("event-rows");
  if (!body || body.dataset.live !== "true") {
    return;
  }
  function known() {
    var ids = {};
    for (var i = 0; i < body.rows.length; i++) {
      ids[body.rows[i].dataset.id] = true;
    }
    return ids;
  }
  function refresh() {
    fetch(location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("event-rows");
        if (!fresh) {
          return;
        }
        // Replace every row (statuses change as handlers run), marking the ones not shown before.
        var ids = known();
        var rows = [];
        var added = 0;
        for (var i = 0; i < fresh.rows.length; i++) {
          var row = document.importNode(fresh.rows[i], true);
          if (!ids[row.dataset.id]) {
            row.classList.add("new");
            added++;
          }
          rows.push(row);
        }
        body.replaceChildren.apply(body, rows);
        if (added > 0) {
          document.dispatchEvent(new CustomEvent("paymentevents:rows", { detail: added }));
        }
      })
      .catch(function () { /* the next tick tries again */ })
      .finally(function () { setTimeout(refresh, 2000); });
  }
  setTimeout(refresh, 2000);
})();
