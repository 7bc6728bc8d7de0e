package vn.ttdn.directory.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

public interface PersonRepository extends JpaRepository<PersonEntity, String> {

    List<PersonEntity> findByBodyCodeIn(Collection<String> bodyCodes);
}
