package vn.ttdn.plan.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PlanRepository extends JpaRepository<PlanEntity, Long> {

    boolean existsByCode(String code);

    @Query(value = "select p.id from ttdn.plan p where p.id = :id for update", nativeQuery = true)
    java.util.Optional<Long> lockById(long id);

    List<PlanEntity> findAllByOrderByCode();

    /** Every plan's id, code and title, and nothing else of it. */
    @Query("select p.id, p.code, p.title from PlanEntity p")
    List<Object[]> findAllLabels();

    /**
     * The plans that name any of these bodies: as issuer, consolidating body, report receiver or
     * addressee, lead or cooperating body of a task, or recipient.
     */
    @Query(value = """
            select p.id from ttdn.plan p
             where p.issuer_code in (:codes) or p.consolidating_code in (:codes)
                or p.reporting_receiver_code in (:codes)
                or exists (select 1 from ttdn.plan_consolidated_to c where c.plan_id = p.id and c.body_code in (:codes))
                or exists (select 1 from ttdn.plan_recipient r join ttdn.plan_recipient_body rb on rb.recipient_id = r.id
                            where r.plan_id = p.id and rb.body_code in (:codes))
                or exists (select 1 from ttdn.plan_task t join ttdn.plan_task_lead l on l.task_id = t.id
                            where t.plan_id = p.id and l.body_code in (:codes))
                or exists (select 1 from ttdn.plan_task t join ttdn.plan_task_cooperating o on o.task_id = t.id
                            where t.plan_id = p.id and o.body_code in (:codes))
            """, nativeQuery = true)
    Set<Long> findIdsConcerning(Collection<String> codes);
}
