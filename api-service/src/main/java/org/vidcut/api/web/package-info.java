/** Cross-cutting HTTP concerns: the problem+json error mapping and paging headers. */
@NullMarked
package org.vidcut.api.web;

import org.jspecify.annotations.NullMarked;
