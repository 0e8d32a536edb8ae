(function () {
  "use strict";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  function sortKey(cell) {
    var key = cell.getAttribute("data-sort");
    return key !== null ? key : cell.textContent.trim().toLowerCase();
  }

  function compare(a, b, numeric) {
    if (numeric) {
      var x = parseFloat(a), y = parseFloat(b);
      if (isNaN(x) || isNaN(y)) { return isNaN(x) - isNaN(y); }
      return x - y;
    }
    return a.localeCompare(b);
  }

  function sortable(table) {
    var body = table.tBodies[0];
    var headers = table.tHead.rows[0].cells;
    each(headers, function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent;
      button.title = "Sort by this column";
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        each(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = th.classList.contains("num");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var order = compare(sortKey(a.cells[column]), sortKey(b.cells[column]), numeric);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function filterable(table) {
    var body = table.tBodies[0];
    var wrap = table.parentNode;
    var label = document.createElement("label");
    label.className = "filter";
    label.appendChild(document.createTextNode("Filter rows"));
    var input = document.createElement("input");
    input.type = "search";
    input.setAttribute("aria-controls", table.id);
    label.appendChild(input);
    var count = document.createElement("span");
    count.className = "count";
    count.setAttribute("aria-live", "polite");
    wrap.parentNode.insertBefore(label, wrap);
    wrap.parentNode.insertBefore(count, wrap);
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      each(body.rows, function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (word) { return text.indexOf(word) !== -1; });
        row.hidden = !match;
        shown += match ? 1 : 0;
      });
      count.textContent = words.length ? shown + " of " + body.rows.length + " rows" : "";
    });
    table.clearFilter = function () {
      input.value = "";
      input.dispatchEvent(new Event("input"));
    };
  }

  function reveal() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var target = id && document.getElementById(id);
    if (target && target.hidden && target.closest) {
      var table = target.closest("table");
      if (table && table.clearFilter) { table.clearFilter(); target.scrollIntoView(); }
    }
  }

  each(document.querySelectorAll("table.data"), function (table) {
    if (!table.tHead || !table.tBodies.length) { return; }
    sortable(table);
    filterable(table);
  });
  window.addEventListener("hashchange", reveal);
  document.documentElement.classList.add("js");
}());
