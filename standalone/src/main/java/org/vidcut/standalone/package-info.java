/** Launcher that runs the stand-ins, the api-service and the converter-worker in one JVM. */
@NullMarked
package org.vidcut.standalone;

import org.jspecify.annotations.NullMarked;
