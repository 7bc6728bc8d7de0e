package vn.ttdn.plan.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Who reports to whom and when (the lists of the rule are kept on the plan). */
@Embeddable
public class ReportingRule {

    @Column(name = "reporting_receiver_code")
    private String receiverCode;
    @Column(name = "reporting_yearly")
    private boolean yearly;
    @Column(name = "reporting_yearly_deadline")
    private String yearlyDeadline;
    @Column(name = "reporting_half_year_deadline")
    private String halfYearDeadline;
    @Column(name = "reporting_consolidation_deadline")
    private String consolidationDeadline;
    @Column(name = "reporting_ad_hoc")
    private boolean adHoc;
    @Column(name = "reporting_text")
    private String text;

    public String getReceiverCode() { return receiverCode; }
    public void setReceiverCode(String receiverCode) { this.receiverCode = receiverCode; }
    public boolean isYearly() { return yearly; }
    public void setYearly(boolean yearly) { this.yearly = yearly; }
    public String getYearlyDeadline() { return yearlyDeadline; }
    public void setYearlyDeadline(String yearlyDeadline) { this.yearlyDeadline = yearlyDeadline; }
    public String getHalfYearDeadline() { return halfYearDeadline; }
    public void setHalfYearDeadline(String halfYearDeadline) { this.halfYearDeadline = halfYearDeadline; }
    public String getConsolidationDeadline() { return consolidationDeadline; }
    public void setConsolidationDeadline(String consolidationDeadline) { this.consolidationDeadline = consolidationDeadline; }
    public boolean isAdHoc() { return adHoc; }
    public void setAdHoc(boolean adHoc) { this.adHoc = adHoc; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
}
