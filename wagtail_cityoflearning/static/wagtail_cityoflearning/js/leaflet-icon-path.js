// Leaflet finds its default marker images by reading its stylesheet's URL, which hashed static
// file names (ManifestStaticFilesStorage) break: point it at the vendored images folder, next to
// this script, instead.
if (window.L && window.L.Icon && window.L.Icon.Default && document.currentScript) {
  window.L.Icon.Default.imagePath = new URL("../vendor/leaflet/images/", document.currentScript.src).href;
}
