/** Processing tasks: validation, the state machine, publishing jobs and applying worker events. */
package org.vidcut.api.task;
