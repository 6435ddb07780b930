/**
 * Webhooks: subscriptions to task events, signed deliveries (Standard Webhooks) from a durable outbox, retried
 * with backoff, and the guard that keeps deliveries off private networks.
 */
@NullMarked
package org.vidcut.api.webhooks;

import org.jspecify.annotations.NullMarked;
