(function () {
  "use strict";
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    for (var el = id && document.getElementById(id); el; el = el.parentElement) {
      if (el.tagName === "DETAILS") { el.open = true; }
    }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
  var table = document.getElementById("claims-index");
  if (!table || !table.tBodies.length) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }
  function select(id, label, values) {
    var s = el("select", {id: id, "aria-label": label});
    s.appendChild(el("option", {value: ""}, label + ": any"));
    values.forEach(function (v) { s.appendChild(el("option", {value: v}, v)); });
    return s;
  }
  function distinct(attr) {
    var seen = {};
    rows.forEach(function (r) { (r.getAttribute(attr) || "").split(" ").forEach(function (v) { if (v) { seen[v] = 1; } }); });
    return Object.keys(seen).sort();
  }
  var box = el("div", {"class": "filters", role: "search"});
  var q = el("input", {type: "search", id: "f-q", placeholder: "Filter claims", "aria-label": "Filter claims"});
  var rel = select("f-rel", "Reliability", ["A", "B", "C", "D", "E", "F"]);
  var cred = select("f-cred", "Credibility", ["1", "2", "3", "4", "5", "6"]);
  var type = select("f-type", "Type", distinct("data-type"));
  var side = select("f-side", "Side", distinct("data-sides"));
  var denied = el("input", {type: "checkbox", id: "f-denied"});
  var label = el("label", {}, " denied only");
  label.insertBefore(denied, label.firstChild);
  var count = el("span", {id: "f-count", "class": "meta", "aria-live": "polite"});
  [q, rel, cred, type, side, label, count].forEach(function (n) { box.appendChild(n); });
  table.parentNode.parentNode.insertBefore(box, table.parentNode);
  function apply() {
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
    rows.forEach(function (r) {
      var text = r.textContent.toLowerCase();
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; }) &&
        (!rel.value || r.getAttribute("data-rel") === rel.value) &&
        (!cred.value || r.getAttribute("data-cred") === cred.value) &&
        (!type.value || r.getAttribute("data-type") === type.value) &&
        (!side.value || (" " + r.getAttribute("data-sides") + " ").indexOf(" " + side.value + " ") >= 0) &&
        (!denied.checked || r.getAttribute("data-denied") === "1");
      r.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = shown + " of " + rows.length + " claims";
  }
  [q, rel, cred, type, side, denied].forEach(function (n) {
    n.addEventListener("input", apply);
    n.addEventListener("change", apply);
  });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    var button = el("button", {type: "button", "class": "sort"}, th.textContent);
    th.textContent = "";
    th.appendChild(button);
    var down = col !== 1;
    button.addEventListener("click", function () {
      var key = function (r) {
        var c = r.cells[col];
        return c.hasAttribute("data-v") ? c.getAttribute("data-v") : c.textContent.toLowerCase();
      };
      var numeric = th.className.indexOf("num") >= 0;
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var d = numeric ? Number(x) - Number(y) : (x < y ? -1 : x > y ? 1 : 0);
        return down ? -d : d;
      });
      if (col === 0) { rows.reverse(); }
      down = !down;
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  apply();
}());
