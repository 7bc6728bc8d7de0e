package vn.ttdn.plan;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Settings of the plan module ({@code ttdn.*} in application.yaml). */
@ConfigurationProperties(prefix = "ttdn")
public record PlanProperties(DataSize planFileMaxSize) {

    public PlanProperties {
        planFileMaxSize = planFileMaxSize == null ? DataSize.ofMegabytes(1) : planFileMaxSize;
    }
}
