/**
 * What the api's tests share: the one MongoDB stand-in of the test JVM, the integration-test annotation and
 * builders for what workers report.
 */
@NullMarked
package org.vidcut.api.testing;

import org.jspecify.annotations.NullMarked;
