/** The logging context (MDC keys) a task's log lines carry in both services. */
@NullMarked
package org.vidcut.support.logging;

import org.jspecify.annotations.NullMarked;
