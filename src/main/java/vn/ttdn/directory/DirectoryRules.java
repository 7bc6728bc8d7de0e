package vn.ttdn.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import vn.ttdn.system.InputProblem;

/**
 * The rules a directory must keep, checked on the bodies and people an administrator sends against
 * the directory as it would stand with them (the stored bodies with these put over them): codes,
 * parents, successors and members that exist, no cycle, dates in order, people in known bodies.
 * Every problem is named by its path, the prefix of each entry given by the caller.
 */
final class DirectoryRules {

    static final Pattern BODY_CODE = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");
    /**
     * A register symbol: letters and digits in parts joined by "-", beginning with a capital. Decree 30
     * writes them in capitals, but the symbols in use keep small letters where a word is shortened
     * to two letters: TTg (Thủ tướng), SNgV (Sở Ngoại vụ).
     */
    private static final Pattern REGISTER = Pattern.compile("[A-ZĐ0-9][A-Za-zĐđ0-9]*(-[A-Za-zĐđ0-9]+)*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private DirectoryRules() {
    }

    /** The directory as it would stand: the stored bodies with these put over them (the first of a code wins). */
    static Map<String, BodyView> overlay(Map<String, BodyView> stored, List<BodyView> incoming) {
        Map<String, BodyView> result = new LinkedHashMap<>(stored);
        Set<String> seen = new HashSet<>();
        for (BodyView body : incoming) {
            if (body.code() != null && seen.add(body.code())) {
                result.put(body.code(), body);
            }
        }
        return result;
    }

    static List<InputProblem> checkBodies(List<BodyView> incoming, Map<String, BodyView> result,
                                          IntFunction<String> prefix) {
        List<InputProblem> problems = new ArrayList<>();
        Map<String, String> firstAt = new HashMap<>();
        for (int i = 0; i < incoming.size(); i++) {
            BodyView body = incoming.get(i);
            String p = prefix.apply(i);
            if (body.code() == null) {
                problems.add(required(p, "code"));
            } else if (!BODY_CODE.matcher(body.code()).matches() || body.code().length() > 40) {
                problems.add(InputProblem.of(p + "code", "directory.bodyCode", "\"" + body.code()
                        + "\" is not a body code (capitals, digits and -, at most 40)", body.code()));
            } else if (firstAt.containsKey(body.code())) {
                problems.add(InputProblem.of(p + "code", "directory.duplicateCode", "code \"" + body.code()
                        + "\" given twice (first at " + firstAt.get(body.code()) + ")", body.code(),
                        firstAt.get(body.code())));
                continue;
            } else {
                firstAt.put(body.code(), p.isEmpty() ? "code" : p + "code");
            }
            checkBody(body, p, result, problems);
        }
        return problems;
    }

    private static void checkBody(BodyView body, String p, Map<String, BodyView> result, List<InputProblem> problems) {
        if (body.name() == null) {
            problems.add(required(p, "name"));
        } else if (body.name().length() > 300) {
            problems.add(tooLong(p + "name", 300));
        }
        if (body.shortName() == null) {
            problems.add(required(p, "shortName"));
        } else if (body.shortName().length() > 200) {
            problems.add(tooLong(p + "shortName", 200));
        }
        if (body.kind() == null) {
            problems.add(required(p, "kind"));
        }
        if (body.level() == null) {
            problems.add(required(p, "level"));
        }
        if (body.register() != null && (!REGISTER.matcher(body.register()).matches() || body.register().length() > 20)) {
            problems.add(InputProblem.of(p + "register", "directory.register", "\"" + body.register()
                    + "\" is not a register symbol (letters beginning with a capital, digits and -, at most 20)", body.register()));
        }
        if (body.parent() != null) {
            if (!result.containsKey(body.parent())) {
                problems.add(InputProblem.of(p + "parent", "directory.unknownParent", "unknown parent \""
                        + body.parent() + "\"", body.parent()));
            } else if (parentCycle(body, result)) {
                problems.add(InputProblem.of(p + "parent", "directory.parentCycle", "the parent \"" + body.parent()
                        + "\" is under this body", body.parent()));
            }
        }
        if (body.validFrom() != null && body.validTo() != null && body.validTo().isBefore(body.validFrom())) {
            problems.add(InputProblem.of(p + "validTo", "directory.validToBeforeFrom", "validTo " + body.validTo()
                    + " is before validFrom " + body.validFrom(), body.validTo(), body.validFrom()));
        }
        checkSuccessors(body, p, result, problems);
        checkMembers(body, p, result, problems);
    }

    private static void checkSuccessors(BodyView body, String p, Map<String, BodyView> result,
                                        List<InputProblem> problems) {
        if (!body.successors().isEmpty() && body.validTo() == null) {
            problems.add(InputProblem.of(p + "validTo", "directory.successorsWithoutEnd",
                    "a body with successors must have ended (validTo)"));
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < body.successors().size(); j++) {
            BodyView.Successor s = body.successors().get(j);
            String q = p + "successors[" + j + "].";
            if (s.relation() == null) {
                problems.add(required(q, "relation"));
            }
            if (s.code() == null) {
                problems.add(required(q, "code"));
                continue;
            }
            BodyView successor = result.get(s.code());
            if (s.code().equals(body.code())) {
                problems.add(InputProblem.of(q + "code", "directory.successorCycle", "a body cannot succeed itself: "
                        + s.code() + " → " + s.code(), s.code() + " → " + s.code()));
            } else if (successor == null) {
                problems.add(InputProblem.of(q + "code", "directory.unknownSuccessor", "unknown successor \""
                        + s.code() + "\"", s.code()));
            } else if (!seen.add(s.code())) {
                problems.add(InputProblem.of(q + "code", "directory.duplicateSuccessor", "successor \"" + s.code()
                        + "\" named twice", s.code()));
            } else if (body.validTo() != null && !successorDatesFit(body, successor)) {
                problems.add(InputProblem.of(q + "code", "directory.successorDates", "successor " + s.code()
                        + " does not exist the day after " + body.code() + " ended (" + body.validTo() + ")",
                        s.code(), body.validTo()));
            } else {
                List<String> cycle = cycleBack(body.code(), s.code(), result, new ArrayList<>(List.of(body.code())),
                        new HashSet<>());
                if (cycle != null) {
                    String chain = String.join(" → ", cycle);
                    problems.add(InputProblem.of(q + "code", "directory.successorCycle", "successors go round: "
                            + chain, chain));
                }
            }
        }
    }

    /**
     * The successor must have started by the day after the body ended, and not have ended before
     * the body did (a district's UBND and its province's may end on the same day, the province's
     * own successor taking over from both).
     */
    private static boolean successorDatesFit(BodyView body, BodyView successor) {
        java.time.LocalDate next = body.validTo().plusDays(1);
        return (successor.validFrom() == null || !successor.validFrom().isAfter(next))
                && (successor.validTo() == null || !successor.validTo().isBefore(body.validTo()));
    }

    /** The path from {@code next} back to {@code start} along successor links, or null when there is none. */
    private static List<String> cycleBack(String start, String next, Map<String, BodyView> result, List<String> path,
                                          Set<String> visited) {
        path.add(next);
        if (next.equals(start)) {
            return path;
        }
        if (visited.add(next) && result.containsKey(next)) {
            for (BodyView.Successor s : result.get(next).successors()) {
                if (s.code() != null) {
                    List<String> found = cycleBack(start, s.code(), result, path, visited);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        path.remove(path.size() - 1);
        return null;
    }

    private static boolean parentCycle(BodyView body, Map<String, BodyView> result) {
        Set<String> seen = new HashSet<>();
        String next = body.parent();
        while (next != null && seen.add(next)) {
            if (next.equals(body.code())) {
                return true;
            }
            BodyView parent = result.get(next);
            next = parent == null ? null : parent.parent();
        }
        return false;
    }

    private static void checkMembers(BodyView body, String p, Map<String, BodyView> result,
                                     List<InputProblem> problems) {
        if (body.members().isEmpty()) {
            return;
        }
        if (body.kind() != null && body.kind() != BodyKind.COLLECTIVE) {
            problems.add(InputProblem.of(p + "members", "directory.membersNotCollective",
                    "only a body of kind COLLECTIVE has members"));
        }
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < body.members().size(); k++) {
            String member = body.members().get(k);
            String q = p + "members[" + k + "]";
            if (!result.containsKey(member)) {
                problems.add(InputProblem.of(q, "directory.unknownMember", "member \"" + member
                        + "\" is not a body of the directory", member));
            } else if (member.equals(body.code())) {
                problems.add(InputProblem.of(q, "directory.memberItself", "a collective cannot be its own member"));
            } else if (!seen.add(member)) {
                problems.add(InputProblem.of(q, "directory.duplicateMember", "member \"" + member + "\" named twice",
                        member));
            }
        }
    }

    /**
     * The people's rules: a username of the right form, given once, a name, a known body (not a
     * collective), at least one role, an e-mail address that looks like one.
     */
    static List<InputProblem> checkPeople(List<PersonDetails> incoming, Map<String, BodyView> result,
                                          IntFunction<String> prefix) {
        List<InputProblem> problems = new ArrayList<>();
        Map<String, String> firstAt = new HashMap<>();
        for (int i = 0; i < incoming.size(); i++) {
            PersonDetails person = incoming.get(i);
            String p = prefix.apply(i);
            if (person.username() == null) {
                problems.add(required(p, "username"));
            } else if (!USERNAME.matcher(person.username()).matches()) {
                problems.add(InputProblem.of(p + "username", "directory.username", "\"" + person.username()
                        + "\" is not a username (small letters, digits, . _ -, 2 to 60)", person.username()));
            } else if (firstAt.containsKey(person.username())) {
                problems.add(InputProblem.of(p + "username", "directory.duplicateUsername", "username \""
                        + person.username() + "\" given twice (first at " + firstAt.get(person.username()) + ")",
                        person.username(), firstAt.get(person.username())));
            } else {
                firstAt.put(person.username(), p + "username");
            }
            checkPerson(person, p, result, problems);
        }
        return problems;
    }

    static void checkPerson(PersonDetails person, String p, Map<String, BodyView> result,
                            List<InputProblem> problems) {
        if (person.fullName() == null) {
            problems.add(required(p, "fullName"));
        } else if (person.fullName().length() > 200) {
            problems.add(tooLong(p + "fullName", 200));
        }
        if (person.title() != null && person.title().length() > 200) {
            problems.add(tooLong(p + "title", 200));
        }
        if (person.body() == null) {
            problems.add(required(p, "body"));
        } else if (!result.containsKey(person.body())) {
            problems.add(InputProblem.of(p + "body", "directory.unknownBody", "unknown body \"" + person.body()
                    + "\"", person.body()));
        } else if (result.get(person.body()).kind() == BodyKind.COLLECTIVE) {
            problems.add(InputProblem.of(p + "body", "directory.personInCollective", "\"" + person.body()
                    + "\" is a collective; a person works for one body", person.body()));
        }
        if (person.roles().isEmpty()) {
            problems.add(InputProblem.of(p + "roles", "directory.noRole", "give at least one role"));
        }
        if (person.email() != null && (!EMAIL.matcher(person.email()).matches() || person.email().length() > 200)) {
            problems.add(InputProblem.of(p + "email", "directory.email", "\"" + person.email()
                    + "\" is not an e-mail address", person.email()));
        }
    }

    private static InputProblem required(String p, String field) {
        return InputProblem.of(p + field, "directory.required", field + " is required", field);
    }

    private static InputProblem tooLong(String path, int max) {
        return InputProblem.of(path, "directory.tooLong", "at most " + max + " characters", String.valueOf(max));
    }
}
