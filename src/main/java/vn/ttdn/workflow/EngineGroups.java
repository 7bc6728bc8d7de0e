package vn.ttdn.workflow;

import vn.ttdn.directory.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The engine groups of a person: one per role ({@code officer}), and for the roles that act for a
 * body one per role and body ({@code officer.QNG-STTTT}). The process assigns its tasks to the
 * latter ({@code candidateGroups="officer.${consolidatingBody}"}), so officers see only their
 * bodies' tasks.
 */
final class EngineGroups {

    private static final Set<Role> ACTING_FOR_BODY = Set.of(Role.OFFICER, Role.LEADER, Role.CLERK);

    private EngineGroups() {
    }

    static List<String> of(Set<Role> roles, String bodyCode) {
        List<String> groups = new ArrayList<>();
        for (Role role : roles) {
            groups.add(role == Role.ADMIN ? SpringSecurityAuthenticationProvider.CAMUNDA_ADMIN_GROUP : role.code());
            if (ACTING_FOR_BODY.contains(role)) {
                groups.add(forBody(role, bodyCode));
            }
        }
        return groups;
    }

    static String forBody(Role role, String bodyCode) {
        return role.code() + "." + bodyCode;
    }
}
