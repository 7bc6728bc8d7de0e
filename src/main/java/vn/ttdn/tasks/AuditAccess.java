package vn.ttdn.tasks;

import org.springframework.stereotype.Component;
import vn.ttdn.audit.AuditRecord;
import vn.ttdn.audit.CataloguedInstance;
import vn.ttdn.directory.Role;
import vn.ttdn.plan.PlanService;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.ForbiddenException;
import vn.ttdn.system.NotFoundException;
import vn.ttdn.workflow.InstanceModels;

/** Who may replay an instance: auditors and administrators any; a supervisor those of the plans they follow. */
@Component
class AuditAccess {

    private final AuditRecord record;
    private final PlanService plans;
    private final InstanceModels models;

    AuditAccess(AuditRecord record, PlanService plans, InstanceModels models) {
        this.record = record;
        this.plans = plans;
        this.models = models;
    }

    CataloguedInstance readable(String instanceId, CurrentUser user) {
        CataloguedInstance instance = record.instance(instanceId)
                .orElseThrow(() -> new NotFoundException("No process instance " + instanceId));
        if (!user.hasAnyRole(Role.AUDITOR, Role.ADMIN) && !plans.supervisedPlans(user).covers(instance.planId())) {
            throw ForbiddenException.of("audit.notYourPlan", "this instance is of a plan you do not follow");
        }
        return instance;
    }

    String model(CataloguedInstance instance) {
        return models.xmlOf(instance.instanceId(), instance.processKey())
                .orElseThrow(() -> new NotFoundException("No model for " + instance.instanceId()));
    }
}
