/**
 * Report rounds: once a plan is issued, every body its tasks name reports on them each year (and on
 * request) to the consolidating body. A round is data here: its deadline and period, the bodies
 * asked as the directory stood on the day it opened (successors in place of ended bodies), each
 * body's state, every version of its report and every step taken. It knows nothing of the engine:
 * the {@code workflow} module calls {@link vn.ttdn.reporting.Rounds} and {@link vn.ttdn.reporting.Reports}
 * as the processes {@code report-round} and {@code agency-report} move.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package vn.ttdn.reporting;
