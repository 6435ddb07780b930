/** The OpenAPI description of the HTTP API and its Swagger UI settings. */
@NullMarked
package org.vidcut.api.docs;

import org.jspecify.annotations.NullMarked;
