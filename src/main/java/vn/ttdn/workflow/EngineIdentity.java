package vn.ttdn.workflow;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.PersonSaved;
import vn.ttdn.directory.Role;

/**
 * Keeps the engine's identity (users and groups, which the Camunda webapps and the operation log
 * rely on) a copy of the directory: one engine user per person, one group per role and one per role and body (see {@link EngineGroups}), and
 * {@code camunda-admin} for administrators. The directory stays the record; the engine users get
 * an unusable random password, so nobody signs in to the engine but through the application.
 */
@Component
class EngineIdentity {

    private static final Logger log = LoggerFactory.getLogger(EngineIdentity.class);

    private final IdentityService identity;
    private final DirectoryService directory;

    EngineIdentity(IdentityService identity, DirectoryService directory) {
        this.identity = identity;
        this.directory = directory;
    }

    @EventListener
    void personSaved(PersonSaved person) {
        sync(person.username(), person.fullName(), person.bodyCode(), person.roles());
    }

    /**
     * Catches up with people saved while the engine was not listening (an older database): those
     * the engine does not know yet. Changes to known people arrive as {@link PersonSaved}.
     */
    @EventListener(ApplicationReadyEvent.class)
    void reconcile() {
        Set<String> known = identity.createUserQuery().list().stream().map(User::getId).collect(Collectors.toSet());
        var missing = directory.people().stream().filter(p -> !known.contains(p.username())).toList();
        missing.forEach(p -> sync(p.username(), p.fullName(), p.body().code(), p.roles()));
        log.info("Engine identity: {} people known, {} added", known.size(), missing.size());
    }

    private void sync(String username, String fullName, String bodyCode, Set<Role> roles) {
        User user = identity.createUserQuery().userId(username).singleResult();
        boolean created = user == null;
        if (created) {
            user = identity.newUser(username);
            user.setPassword(UUID.randomUUID() + "-" + UUID.randomUUID());
        }
        // Vietnamese names put the given name last: "Nguyễn Văn An" → first name An.
        int lastSpace = fullName.trim().lastIndexOf(' ');
        String firstName = lastSpace < 0 ? fullName.trim() : fullName.trim().substring(lastSpace + 1);
        String lastName = lastSpace < 0 ? "" : fullName.trim().substring(0, lastSpace);
        if (created || !firstName.equals(user.getFirstName()) || !lastName.equals(user.getLastName())) {
            user.setFirstName(firstName);
            user.setLastName(lastName);
            identity.saveUser(user);
        }

        Set<String> wanted = Set.copyOf(EngineGroups.of(roles, bodyCode));
        Set<String> current = identity.createGroupQuery().groupMember(username).list().stream()
                .map(Group::getId).collect(Collectors.toCollection(HashSet::new));
        for (String group : current) {
            if (!wanted.contains(group)) {
                identity.deleteMembership(username, group);
            }
        }
        for (String group : wanted) {
            if (!current.contains(group)) {
                ensureGroup(group);
                identity.createMembership(username, group);
            }
        }
    }

    private void ensureGroup(String id) {
        if (identity.createGroupQuery().groupId(id).singleResult() == null) {
            Group group = identity.newGroup(id);
            group.setName(id);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }
}
