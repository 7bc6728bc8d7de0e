package vn.ttdn.directory.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface BodyRepository extends JpaRepository<BodyEntity, String> {

    /** The code and name of each of these bodies, and nothing else of them. */
    @Query("select b.code, b.name from BodyEntity b where b.code in :codes")
    List<Object[]> findNames(Collection<String> codes);

    @Query("select b.code from BodyEntity b where b.code in :codes")
    List<String> findExistingCodes(Collection<String> codes);

    /** The collectives that name the body among their members. */
    @Query(value = "select collective_code from ttdn.body_member where member_code = :code", nativeQuery = true)
    List<String> findCollectivesContaining(String code);

    /** The bodies whose work passed to this one when they ended. */
    @Query(value = "select body_code from ttdn.body_successor where successor_code = :code", nativeQuery = true)
    List<String> findPredecessors(String code);

    /** The office (Văn phòng) that serves a body. */
    java.util.Optional<BodyEntity> findFirstByKindAndParentCodeOrderByCode(vn.ttdn.directory.BodyKind kind,
                                                                           String parentCode);
}
