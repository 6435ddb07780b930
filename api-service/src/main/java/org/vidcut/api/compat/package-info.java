/**
 * Drop-in compatibility with the two earlier systems (DESIGN.md, "Compatibility with the earlier systems"): thin
 * HTTP adapters over the same account, video and task use cases as {@code /v1}, each in its own package.
 */
@NullMarked
package org.vidcut.api.compat;

import org.jspecify.annotations.NullMarked;
