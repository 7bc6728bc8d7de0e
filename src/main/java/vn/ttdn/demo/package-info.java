/**
 * Demo data for the developer run and the tests: the directory of the five seed provinces, demo
 * people (password "demo") and the five seed plans from {@code plans/}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package vn.ttdn.demo;
