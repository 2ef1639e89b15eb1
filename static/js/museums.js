// The finder works without this script; it only adds "use my location" (asked on click).
(function () {
  var button = document.querySelector("[data-locate]");
  if (!button || !("geolocation" in navigator)) return;
  var status = document.querySelector("[data-locate-status]");
  var form = button.form;
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = button.dataset.waiting || "…";
    navigator.geolocation.getCurrentPosition(
      function (position) {
        form.elements.lat.value = position.coords.latitude.toFixed(4);
        form.elements.lon.value = position.coords.longitude.toFixed(4);
        if (!form.elements.radius_km.value) form.elements.radius_km.value = "25";
        status.textContent = "";
        form.submit();
      },
      function (error) {
        status.textContent = error.message;
      },
      { maximumAge: 600000, timeout: 10000 }
    );
  });
})();
