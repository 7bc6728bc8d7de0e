package vn.ttdn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.servlet.FlashMap;
import vn.ttdn.directory.Account;
import vn.ttdn.directory.Accounts;
import vn.ttdn.directory.Role;
import vn.ttdn.system.Wording;

/**
 * What the application puts in a session survives the trip to the database and back (Spring Session
 * JDBC serializes every attribute, ADR 0014): the signed-in person's security context, without the
 * password hash, and the flash attributes the pages pass across a redirect.
 */
class SessionContentsTest {

    @Test
    void theSignedInPersonIsStoredWithoutTheirPasswordHash() throws Exception {
        // given: a person signed in, as the provider manager leaves them (credentials erased)
        DirectoryUserDetails person = new DirectoryUserDetails(new Account("cv.stttt.qng", "Phạm Kim Trang", "QNG-STTTT",
                "$2a$10$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ012", true, Set.of(Role.OFFICER)),
                new Accounts.State(true, false, 3));
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(person, "demo",
                person.getAuthorities());
        token.eraseCredentials();

        // when
        byte[] stored = serialize(new SecurityContextImpl(token));
        SecurityContext read = (SecurityContext) deserialize(stored);

        // then
        DirectoryUserDetails back = (DirectoryUserDetails) read.getAuthentication().getPrincipal();
        assertThat(back.getUsername()).isEqualTo("cv.stttt.qng");
        assertThat(back.currentUser().bodyCode()).isEqualTo("QNG-STTTT");
        assertThat(back.credentialsVersion()).isEqualTo(3);
        assertThat(back.getAuthorities()).extracting(Object::toString).containsExactly(Role.OFFICER.authority());
        assertThat(back.getPassword()).isNull();
        assertThat(read.getAuthentication().getCredentials()).isNull();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("$2a$10$");
    }

    @Test
    void flashAttributesCrossTheDatabase() throws Exception {
        FlashMap flash = new FlashMap();
        flash.put("done", Wording.of("calendar.done.removed", "02/09/2026"));
        flash.put("notice", "round.opened");
        flash.put("changed", true);

        FlashMap back = (FlashMap) deserialize(serialize(flash));

        assertThat(back.get("done")).isEqualTo(new Wording("calendar.done.removed", List.of("02/09/2026")));
        assertThat((java.util.Map<String, Object>) back).containsEntry("notice", "round.opened").containsEntry("changed", true);
    }

    private static byte[] serialize(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }
}
