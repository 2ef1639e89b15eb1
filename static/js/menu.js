// The main menu collapses behind a button on narrow screens. Without this script the menu stays
// open at every width (progressive enhancement); the breakpoint is the one in site.css.
(function () {
  var header = document.querySelector("[data-site-header]");
  if (!header) return;
  var button = header.querySelector("[data-menu-toggle]");
  var menu = header.querySelector("[data-menu]");
  if (!button || !menu) return;
  var narrow = window.matchMedia("(max-width: 47.99rem)");

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    menu.classList.toggle("is-open", open);
  }

  function isOpen() {
    return button.getAttribute("aria-expanded") === "true";
  }

  header.classList.add("site-header--js");
  button.hidden = false;
  setOpen(false);

  button.addEventListener("click", function () {
    setOpen(!isOpen());
  });

  // Escape closes the menu and returns focus to its button.
  header.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !narrow.matches || !isOpen()) return;
    setOpen(false);
    button.focus();
    event.preventDefault();
  });

  // Focus leaving the open menu (Tab past its last link, a click elsewhere) closes it.
  header.addEventListener("focusout", function (event) {
    if (!narrow.matches || !isOpen()) return;
    var next = event.relatedTarget;
    if (next && !header.contains(next)) setOpen(false);
  });

  // Growing past the breakpoint shows the menu anyway; coming back starts closed.
  var onChange = function () {
    setOpen(false);
  };
  if (narrow.addEventListener) narrow.addEventListener("change", onChange);
  else if (narrow.addListener) narrow.addListener(onChange);
})();
