/** Accounts, password login and JWT bearer authentication. */
@NullMarked
package org.vidcut.api.auth;

import org.jspecify.annotations.NullMarked;
