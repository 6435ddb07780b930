/** The api-service: REST API, auth, validation and the task state machine; owns all persistent state. */
@NullMarked
package org.vidcut.api;

import org.jspecify.annotations.NullMarked;
