/** Processing tasks: validation, the state machine, publishing jobs and applying worker events. */
@NullMarked
package org.vidcut.api.task;

import org.jspecify.annotations.NullMarked;
