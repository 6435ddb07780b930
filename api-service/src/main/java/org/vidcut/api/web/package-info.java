/** Cross-cutting HTTP concerns: the problem+json error mapping and paging headers. */
package org.vidcut.api.web;
