// quotetrack serve: the one script, compiled into the binary and served
// from /assets/ (the Content-Security-Policy allows scripts from this site
// only, and none inline). The pages work without it; it adds a toggle on
// the statement page to hide renditions equal to the reference.
"use strict";
document.documentElement.dataset.js = "on";
document.addEventListener("DOMContentLoaded", function () {
  var button = document.getElementById("toggle-same");
  var list = document.getElementById("renditions");
  if (!button || !list) {
    return;
  }
  button.addEventListener("click", function () {
    var hidden = list.classList.toggle("hidden-same");
    button.setAttribute("aria-pressed", hidden ? "true" : "false");
    button.textContent = hidden ? "Show identical renditions" : "Hide identical renditions";
  });
  var count = list.querySelectorAll("li.rendition").length;
  list.dataset.renditions = String(count);
});
