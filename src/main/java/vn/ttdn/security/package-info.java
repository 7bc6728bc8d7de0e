/**
 * Who is asking: sign-in (form login for the pages, HTTP Basic for scripts), the rules of which
 * paths need which role, and {@link vn.ttdn.security.CurrentUser} for the other modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package vn.ttdn.security;
