package vn.ttdn.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ttdn.directory.Role;
import vn.ttdn.plan.internal.PlanRepository;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.support.Api;
import vn.ttdn.support.Db;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;
import vn.ttdn.system.InvalidInputException;

/** The editor's optimistic locking where the API cannot reach: two edits of one version in flight. */
@WebTest
class PlanEditorTest {

    static final CurrentUser OFFICER = new CurrentUser("cv.stttt.qng", "Phạm Kim Trang", "QNG-STTTT", Set.of(Role.OFFICER));

    @Autowired
    PlanEditor editor;
    @Autowired
    PlanRepository plans;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Api api;
    @Autowired
    Db db;

    @Test
    void anEditThatCrossesAnotherInFlightIsRefusedAndWritesNothing() throws Exception {
        long id = api.importCopy(SeedPlans.QUANG_NGAI, "ED-RACE");
        TransactionTemplate slow = new TransactionTemplate(transactions);
        TransactionTemplate quick = new TransactionTemplate(transactions);
        quick.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        assertThatThrownBy(() -> slow.executeWithoutResult(status -> {
            // given an edit that has read the plan at version 0
            plans.findById(id).orElseThrow();
            // and another edit of version 0 that commits meanwhile
            quick.executeWithoutResult(s -> editor.changeTask(id, 0, "1.2", input("Sửa nhanh"), OFFICER));
            // when the first one goes on
            editor.changeTask(id, 0, "1.1", input("Sửa chậm"), OFFICER);
        }))
                // then it is refused as made on an older version
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.problems().get(0).code()).isEqualTo("plan.stale");
                });
        assertThat(content(id, "1.2")).isEqualTo("Sửa nhanh");
        assertThat(content(id, "1.1")).isNotEqualTo("Sửa chậm");
        assertThat(db.jdbc().queryForObject("select version from ttdn.plan where id = ?", Integer.class, id)).isEqualTo(1);
    }

    @Test
    void everyEditMovesTheVersionOnByOne() throws Exception {
        long id = api.importCopy(SeedPlans.QUANG_NGAI, "ED-VERSION");

        assertThat(editor.changeTask(id, 0, "1.1", input("Một"), OFFICER).plan().version()).isEqualTo(1);
        assertThat(editor.addTask(id, 1, "1", null, input("Hai"), OFFICER).plan().version()).isEqualTo(2);
        assertThat(editor.moveTask(id, 2, "1.3", null, 1, OFFICER).plan().version()).isEqualTo(3);
        assertThat(editor.removeTask(id, 3, "1.2", OFFICER).plan().version()).isEqualTo(4);
        assertThat(editor.addGroup(id, 4, null, new GroupInput("Nhóm", null), input("Ba"), OFFICER).plan().version())
                .isEqualTo(5);
        assertThat(editor.changeGroup(id, 5, "6", new GroupInput("Nhóm sáu", "Mô tả"), OFFICER).plan().version())
                .isEqualTo(6);
        assertThat(editor.moveGroup(id, 6, "6", 1, OFFICER).plan().version()).isEqualTo(7);
        PlanEdit last = editor.removeGroup(id, 7, "1", OFFICER);
        assertThat(last.plan().version()).isEqualTo(8);
        assertThat(db.jdbc().queryForObject("select version from ttdn.plan where id = ?", Integer.class, id)).isEqualTo(8);
        // the group added, moved to the front and removed again: the plan's five groups, numbered as before
        assertThat(last.plan().groups()).extracting(PlanDetails.Group::number).containsExactly("1", "2", "3", "4", "5");
        assertThat(last.plan().groups()).extracting(PlanDetails.Group::title).doesNotContain("Nhóm sáu");
    }

    private String content(long id, String number) {
        return db.jdbc().queryForObject("select content from ttdn.plan_task where plan_id = ? and number = ?",
                String.class, id, number);
    }

    private static TaskInput input(String content) {
        return new TaskInput(content, List.of("QNG-SNGV"), List.of(), null, null, null);
    }
}
