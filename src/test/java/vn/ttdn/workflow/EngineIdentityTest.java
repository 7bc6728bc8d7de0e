package vn.ttdn.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.support.WebTest;

/** The engine's users and groups follow the directory. */
@WebTest
class EngineIdentityTest {

    @Autowired
    IdentityService identity;
    @Autowired
    DirectoryService directory;

    @Test
    void everyDemoPersonIsAnEngineUserInTheGroupsOfTheirRolesAndBody() {
        User officer = identity.createUserQuery().userId("cv.stttt.qng").singleResult();

        assertThat(officer).isNotNull();
        assertThat(officer.getLastName() + " " + officer.getFirstName())
                .isEqualTo(directory.account("cv.stttt.qng").orElseThrow().fullName());
        assertThat(groupsOf("cv.stttt.qng")).containsExactlyInAnyOrder("officer", "officer.QNG-STTTT");
        assertThat(groupsOf("admin")).containsExactly("camunda-admin");
        assertThat(identity.createUserQuery().count()).isEqualTo(directory.people().size());
    }

    @Test
    void changingAPersonsRolesChangesTheirGroups() {
        var account = directory.account("ld.svhttdl.dlk").orElseThrow();

        directory.savePerson(account.username(), account.fullName(), null, account.bodyCode(), null,
                account.passwordHash(), Set.of(Role.LEADER, Role.SUPERVISOR));
        assertThat(groupsOf("ld.svhttdl.dlk")).containsExactlyInAnyOrder("leader", "leader.DLK-SVHTTDL", "supervisor");

        directory.savePerson(account.username(), account.fullName(), null, account.bodyCode(), null,
                account.passwordHash(), account.roles());
        assertThat(groupsOf("ld.svhttdl.dlk")).containsExactlyInAnyOrder("leader", "leader.DLK-SVHTTDL");
    }

    @Test
    void engineUsersCannotSignInToTheEngineWithTheDemoPassword() {
        assertThat(identity.checkPassword("admin", "demo")).isFalse();
    }

    private java.util.List<String> groupsOf(String username) {
        return identity.createGroupQuery().groupMember(username).list().stream().map(Group::getId).toList();
    }
}
