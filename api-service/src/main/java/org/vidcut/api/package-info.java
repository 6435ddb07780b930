/** The api-service: REST API, auth, validation and the task state machine; owns all persistent state. */
package org.vidcut.api;
