/** The OpenAPI description of the HTTP API and its Swagger UI settings. */
package org.vidcut.api.docs;
