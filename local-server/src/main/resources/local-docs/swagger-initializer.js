// Swagger UI on the local server's API document, with "Try it out" calling the server that serves
// this page: the document's own `servers` name the default port (or the deployed API), not
// necessarily where this server listens (PORT, HOST, or a random port in tests).
window.onload = function () {
  const thisServer = { url: window.location.origin, description: "This local server" };

  // Replaces the document's servers as Swagger UI reads it; the document served stays as built.
  const CallThisServer = function () {
    return {
      statePlugins: {
        spec: {
          wrapActions: {
            updateJsonSpec: (update) => (document) => update(Object.assign({}, document, { servers: [thisServer] }))
          }
        }
      }
    };
  };

  window.ui = SwaggerUIBundle({
    url: "/_local/openapi.yml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    displayOperationId: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl, CallThisServer],
    layout: "StandaloneLayout"
  });
};
