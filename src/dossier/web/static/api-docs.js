// Starts Swagger UI on /api/docs over this server's OpenAPI document. A file rather than
// an inline script: the Content-Security-Policy (script-src 'self') runs only files.
window.ui = SwaggerUIBundle({
  url: document.getElementById("swagger-ui").dataset.openapi,
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null, // the default asks validator.swagger.io: nothing leaves this server
});
