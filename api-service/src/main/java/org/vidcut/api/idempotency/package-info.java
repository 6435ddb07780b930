/**
 * {@code Idempotency-Key} on creating requests: a retried request with the same key and body answers what the
 * first one answered instead of creating a second resource.
 */
@NullMarked
package org.vidcut.api.idempotency;

import org.jspecify.annotations.NullMarked;
