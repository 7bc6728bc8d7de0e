package vn.ttdn.plan.internal;

import jakarta.persistence.Embeddable;

/** A figure the plan's reports give (chỉ tiêu), as the plan file declares it. */
@Embeddable
public class IndicatorItem {

    private String code;
    private String label;
    private String unit;

    protected IndicatorItem() {
    }

    public IndicatorItem(String code, String label, String unit) {
        this.code = code;
        this.label = label;
        this.unit = unit;
    }

    public String getCode() { return code; }
    public String getLabel() { return label; }
    public String getUnit() { return unit; }
}
