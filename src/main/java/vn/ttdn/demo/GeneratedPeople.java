package vn.ttdn.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ttdn.directory.BodyKind;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryFiles.PersonEntry;
import vn.ttdn.directory.Role;

/**
 * The officers and leaders the demo adds so that every body a seed plan asks to report has someone
 * to draft its report and someone to approve it: {@code cv.<code>} (chuyên viên) and
 * {@code ld.<code>} (lãnh đạo), the body's code in lower case ({@code cv.qng-sngv}, {@code ld.qng-sngv}),
 * with invented names. The hand-written demo people (people.yaml) come first; only what they leave
 * missing is generated.
 */
final class GeneratedPeople {

    private static final Logger log = LoggerFactory.getLogger(GeneratedPeople.class);

    static final String EMAIL_DOMAIN = "demo.ttdn.vn";

    // Three lists of coprime lengths (16, 9, 25): the person numbered i is called
    // FAMILY[i % 16] MIDDLE[i % 9] GIVEN[i % 25], and no name comes back before number 3600.
    private static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
            "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý");
    private static final List<String> MIDDLE = List.of("Văn", "Thị", "Minh", "Thanh", "Đức", "Ngọc", "Hữu", "Quốc",
            "Thu");
    private static final List<String> GIVEN = List.of("An", "Bình", "Châu", "Duy", "Giang", "Hà", "Hải", "Hạnh",
            "Hiền", "Hòa", "Khang", "Lâm", "Linh", "Mạnh", "Nam", "Nhi", "Phúc", "Quân", "Sang", "Tài", "Thảo", "Trí",
            "Uyên", "Việt", "Xuân");

    private GeneratedPeople() {
    }

    /**
     * Who to add so that each of these bodies has an enabled officer and an enabled leader. The body
     * at place k of the list gets person number 2k as its officer and 2k + 1 as its leader, so the
     * same directory and seeds always give the same people; a username already taken (a person
     * disabled, or holding another role) is left as it is.
     *
     * @param held   the roles enabled people of the bodies hold already, by body
     * @param exists whether an account with a username exists already
     */
    static List<PersonEntry> missing(List<BodyView> bodies, Map<String, Set<Role>> held, Predicate<String> exists) {
        List<PersonEntry> missing = new ArrayList<>();
        for (int k = 0; k < bodies.size(); k++) {
            BodyView body = bodies.get(k);
            Set<Role> roles = held.getOrDefault(body.code(), Set.of());
            if (!roles.contains(Role.OFFICER)) {
                add(missing, person("cv.", 2 * k, "Chuyên viên " + label(body), body, Role.OFFICER), exists);
            }
            if (!roles.contains(Role.LEADER)) {
                add(missing, person("ld.", 2 * k + 1, leaderTitle(body), body, Role.LEADER), exists);
            }
        }
        return missing;
    }

    static String username(String prefix, String bodyCode) {
        return prefix + bodyCode.toLowerCase(Locale.ROOT);
    }

    static String fullName(int number) {
        return FAMILY.get(number % FAMILY.size()) + " " + MIDDLE.get(number % MIDDLE.size()) + " "
                + GIVEN.get(number % GIVEN.size());
    }

    private static void add(List<PersonEntry> missing, PersonEntry person, Predicate<String> exists) {
        if (exists.test(person.username())) {
            log.warn("Demo data: {} has no enabled {}, but the username {} is taken; left as it is", person.body(),
                    person.roles().iterator().next().code(), person.username());
        } else {
            missing.add(person);
        }
    }

    private static PersonEntry person(String prefix, int number, String title, BodyView body, Role role) {
        String username = username(prefix, body.code());
        return new PersonEntry(username, fullName(number), title, body.code(), username + "@" + EMAIL_DOMAIN,
                Set.of(role));
    }

    /**
     * A People's Committee is led by its vice-chairs, a Party committee by its deputy secretaries, a
     * department (Sở) by its deputy directors, a board (Ban) by its deputy heads: the titles a signer
     * block prints ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"); other bodies' leaders are "Lãnh đạo …".
     */
    private static String leaderTitle(BodyView body) {
        String label = label(body);
        if (body.kind() == BodyKind.PEOPLES_COMMITTEE) {
            return "Phó Chủ tịch " + label;
        }
        if (body.kind() == BodyKind.PARTY_COMMITTEE) {
            return "Phó Bí thư " + label;
        }
        if (body.kind() == BodyKind.DEPARTMENT && label.startsWith("Sở ")) {
            return "Phó Giám đốc " + label;
        }
        if (label.startsWith("Ban ")) {
            return "Phó Trưởng ban " + label.substring("Ban ".length());
        }
        return "Lãnh đạo " + label;
    }

    private static String label(BodyView body) {
        return body.shortName() != null && !body.shortName().isBlank() ? body.shortName() : body.name();
    }
}
