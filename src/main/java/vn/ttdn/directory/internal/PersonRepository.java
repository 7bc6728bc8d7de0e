package vn.ttdn.directory.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

public interface PersonRepository extends JpaRepository<PersonEntity, String> {

    List<PersonEntity> findByBodyCodeIn(Collection<String> bodyCodes);

    /** The username and full name of each of these people, and nothing else of them. */
    @org.springframework.data.jpa.repository.Query(
            "select p.username, p.fullName from PersonEntity p where p.username in :usernames")
    List<Object[]> findFullNames(Collection<String> usernames);
}
