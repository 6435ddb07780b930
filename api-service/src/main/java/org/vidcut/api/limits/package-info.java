/**
 * Abuse limits: per-minute rates (sign-ups, failed logins, task creation) kept in MongoDB so that they hold across
 * api replicas, and per-user quotas (storage bytes, active tasks).
 */
@NullMarked
package org.vidcut.api.limits;

import org.jspecify.annotations.NullMarked;
