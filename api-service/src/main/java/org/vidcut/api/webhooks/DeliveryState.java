package org.vidcut.api.webhooks;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a delivery is: still being tried, received (a 2xx), or given up after the retry period. */
enum DeliveryState {
    PENDING,
    SUCCEEDED,
    FAILED;

    @JsonValue
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
