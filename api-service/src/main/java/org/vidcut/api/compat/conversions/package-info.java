/**
 * {@code /api}: the earlier conversion service's API (signup, login, conversion tasks with Celery-style states,
 * download), answered from the same services as {@code /v1}.
 */
@NullMarked
package org.vidcut.api.compat.conversions;

import org.jspecify.annotations.NullMarked;
