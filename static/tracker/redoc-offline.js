// ReDoc's sidebar shows Redocly's logo from cdn.redoc.ly. Nothing on this site loads from
// another origin (the Content-Security-Policy refuses it), so that URL is replaced by an empty
// image before any request is made, however the page sets it: ReDoc then drops the image and
// keeps its link.
(function () {
  "use strict";
  var remote = /^https:\/\/cdn\.redoc\.ly\//;
  var local = function (value) {
    return remote.test(String(value)) ? "data:," : value;
  };
  var setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (name, value) {
    return setAttribute.call(this, name, name === "src" ? local(value) : value);
  };
  var src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, "src");
  Object.defineProperty(HTMLImageElement.prototype, "src", {
    configurable: true,
    enumerable: src.enumerable,
    get: src.get,
    set: function (value) {
      src.set.call(this, local(value));
    },
  });
})();
