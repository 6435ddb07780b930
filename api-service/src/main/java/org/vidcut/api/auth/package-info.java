/** Accounts, password login and JWT bearer authentication. */
package org.vidcut.api.auth;
