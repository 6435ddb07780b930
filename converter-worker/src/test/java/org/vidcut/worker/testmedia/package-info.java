/**
 * The one generator of test media, published in the worker's test jar so that the standalone's end-to-end tests
 * make their clips the same way.
 */
@NullMarked
package org.vidcut.worker.testmedia;

import org.jspecify.annotations.NullMarked;
