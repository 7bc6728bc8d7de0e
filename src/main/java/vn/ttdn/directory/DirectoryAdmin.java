package vn.ttdn.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.directory.internal.BodyEntity;
import vn.ttdn.directory.internal.BodyRepository;
import vn.ttdn.directory.internal.PersonEntity;
import vn.ttdn.directory.internal.PersonRepository;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;

/**
 * The administrator's door to the directory: bodies and people created, changed, ended, moved and
 * deactivated (never deleted: history names them), the directory file imported (all or nothing, or
 * as a dry run) and exported. Every change is checked by {@link DirectoryRules}, refused with every
 * problem by its path, and recorded in the journal with who, when, before and after.
 *
 * <p>Callers check that the actor is an administrator (the API and the pages do).
 */
@Service
@Transactional(readOnly = true)
public class DirectoryAdmin {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final BodyRepository bodies;
    private final PersonRepository people;
    private final DirectoryJournal journal;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DirectoryAdmin(BodyRepository bodies, PersonRepository people, DirectoryJournal journal,
                   ApplicationEventPublisher events, Optional<Clock> clock) {
        this.bodies = bodies;
        this.people = people;
        this.journal = journal;
        this.events = events;
        this.clock = clock.orElse(Clock.system(VIETNAM));
    }

    // ---- bodies ----------------------------------------------------------------------------

    /** A new body from its entry in the file's format; 409 when the code is taken. */
    @Transactional
    public BodyView createBody(JsonNode entry, String actor) {
        List<InputProblem> problems = new ArrayList<>();
        BodyView body = DirectoryFileCodec.body(entry, "", problems);
        if (body.code() != null && bodies.existsById(body.code())) {
            throw new InvalidInputException(HttpStatus.CONFLICT, "Body code in use", List.of(InputProblem.of("code",
                    "directory.codeInUse", "a body with code \"" + body.code() + "\" exists", body.code())));
        }
        checkOne(body, problems);
        bodies.save(new BodyEntity(body));
        recordBody(null, body, actor);
        return body;
    }

    /** The body replaced by this entry (its code stays); every field not given is cleared. */
    @Transactional
    public BodyView replaceBody(String code, JsonNode entry, String actor) {
        return changeBody(stored(code), entry, actor);
    }

    /** The body with the fields given changed, the others as they are. */
    @Transactional
    public BodyView patchBody(String code, JsonNode patch, String actor) {
        BodyView before = stored(code);
        return changeBody(before, DirectoryFileCodec.merge(DirectoryFileCodec.node(before), patch), actor);
    }

    /**
     * Records that the body ended on a day (its last), with its successors, each with the relation
     * and what it takes over; publishes {@link BodyEnded} in the transaction. 409 for a body that
     * has ended already (change its end with an edit).
     */
    @Transactional
    public BodyView endBody(String code, JsonNode input, String actor) {
        List<InputProblem> problems = new ArrayList<>();
        BodyEnd end = DirectoryFileCodec.end(input, problems);
        refuseIf(problems, "Invalid end");
        return endBody(code, end, actor);
    }

    /** The same, from the end as records. */
    @Transactional
    public BodyView endBody(String code, BodyEnd end, String actor) {
        BodyView before = stored(code);
        if (before.validTo() != null) {
            throw new InvalidInputException(HttpStatus.CONFLICT, "Body has ended", List.of(InputProblem.of("on",
                    "directory.alreadyEnded", "the body ended on " + before.validTo(), before.validTo())));
        }
        List<InputProblem> problems = new ArrayList<>();
        if (end.on() == null) {
            problems.add(InputProblem.of("on", "directory.required", "on is required", "on"));
        }
        BodyView after = new BodyView(code, before.name(), before.shortName(), before.kind(), before.level(),
                before.parent(), before.register(), before.validFrom(), end.on(), end.successors(), before.members());
        if (end.on() != null) {
            problems.addAll(DirectoryRules.checkBodies(List.of(after), DirectoryRules.overlay(all(), List.of(after)),
                    i -> "").stream().map(p -> p.path().equals("validTo") ? withPath(p, "on") : p).toList());
        }
        if (end.movePeopleTo() != null) {
            checkMove(end, problems);
        }
        refuseIf(problems, "Invalid end");
        bodies.findById(code).orElseThrow().update(after);
        if (end.movePeopleTo() != null) {
            movePeople(code, end, actor);
        }
        recordBody(before, after, actor);
        return after;
    }

    /** People move to one of the body's successors, once the end has taken effect (the day after it is today or past). */
    private void checkMove(BodyEnd end, List<InputProblem> problems) {
        if (end.successors().stream().noneMatch(s -> s.code().equals(end.movePeopleTo()))) {
            problems.add(InputProblem.of("movePeopleTo", "directory.moveNotSuccessor",
                    end.movePeopleTo() + " is not one of the successors", end.movePeopleTo()));
        } else if (end.on() != null && end.on().isAfter(LocalDate.now(clock).minusDays(1))) {
            problems.add(InputProblem.of("movePeopleTo", "directory.moveNotYet",
                    "people move once the end has taken effect, from " + end.on().plusDays(1),
                    end.on().plusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
        }
    }

    /** Every person of the ended body to the successor, from the day after the end; each move journaled. */
    private void movePeople(String code, BodyEnd end, String actor) {
        for (var person : people.findByBodyCodeIn(List.of(code))) {
            ObjectNode move = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("body", end.movePeopleTo())
                    .put("bodySince", end.on().plusDays(1).toString());
            patchPerson(person.getUsername(), move, actor);
        }
    }

    private BodyView changeBody(BodyView before, JsonNode entry, String actor) {
        List<InputProblem> problems = new ArrayList<>();
        BodyView read = DirectoryFileCodec.body(entry, "", problems);
        if (read.code() != null && !read.code().equals(before.code())) {
            problems.add(InputProblem.of("code", "directory.codeChange", "a body keeps its code", before.code()));
        }
        BodyView after = new BodyView(before.code(), read.name(), read.shortName(), read.kind(), read.level(),
                read.parent(), read.register(), read.validFrom(), read.validTo(), read.successors(), read.members());
        checkOne(after, problems);
        if (!same(before, after)) {
            bodies.findById(before.code()).orElseThrow().update(after);
            recordBody(before, after, actor);
        }
        return after;
    }

    private void checkOne(BodyView body, List<InputProblem> problems) {
        problems.addAll(DirectoryRules.checkBodies(List.of(body), DirectoryRules.overlay(all(), List.of(body)),
                i -> ""));
        refuseIf(problems, "Invalid body");
    }

    private void recordBody(BodyView before, BodyView after, String actor) {
        boolean ended = after.validTo() != null && (before == null || before.validTo() == null);
        journal.record(actor, DirectoryJournal.BODY, after.code(),
                before == null ? "CREATED" : ended ? "ENDED" : "CHANGED",
                before == null ? null : DirectoryFileCodec.node(before), DirectoryFileCodec.node(after));
        if (ended && before != null) {
            events.publishEvent(new BodyEnded(after.code(), after.validTo(), after.successors(), actor));
        }
    }

    public List<DirectoryChange> changesOfBody(String code) {
        stored(code);
        return journal.ofBody(code);
    }

    // ---- people ----------------------------------------------------------------------------

    public List<PersonDetails> people() {
        return people.findAll().stream().map(DirectoryAdmin::details)
                .sorted(java.util.Comparator.comparing(PersonDetails::username)).toList();
    }

    public Optional<PersonDetails> person(String username) {
        return people.findById(username).map(DirectoryAdmin::details);
    }

    public List<PersonDetails.FormerBody> formerBodies(String username) {
        return journal.formerBodies(username);
    }

    public List<DirectoryChange> changesOfPerson(String username) {
        return journal.ofPerson(username);
    }

    /**
     * A new person from their entry (username, fullName, title, body, bodySince, email, roles,
     * enabled). They have no password that works until an administrator sets one. 409 when the
     * username is taken.
     */
    @Transactional
    public PersonDetails createPerson(JsonNode entry, String actor) {
        List<InputProblem> problems = new ArrayList<>();
        PersonDetails person = DirectoryFileCodec.person(entry, "", problems);
        if (person.username() != null && people.existsById(person.username())) {
            throw new InvalidInputException(HttpStatus.CONFLICT, "Username in use", List.of(InputProblem.of(
                    "username", "directory.usernameInUse", "username \"" + person.username() + "\" is taken",
                    person.username())));
        }
        Map<String, BodyView> directory = all();
        problems.addAll(DirectoryRules.checkPeople(List.of(person), directory, i -> ""));
        PersonDetails placed = placed(null, person, directory, "", problems);
        refuseIf(problems, "Invalid person");
        writePerson(null, placed, actor);
        return placed;
    }

    @Transactional
    public PersonDetails replacePerson(String username, JsonNode entry, String actor) {
        return changePerson(storedPerson(username), entry, actor);
    }

    @Transactional
    public PersonDetails patchPerson(String username, JsonNode patch, String actor) {
        PersonDetails before = storedPerson(username);
        ObjectNode entry = DirectoryFileCodec.merge(DirectoryFileCodec.node(before), patch);
        if (patch != null && patch.has("body") && !patch.has("bodySince")) {
            entry.remove("bodySince");
        }
        return changePerson(before, entry, actor);
    }

    private PersonDetails changePerson(PersonDetails before, JsonNode entry, String actor) {
        List<InputProblem> problems = new ArrayList<>();
        PersonDetails read = DirectoryFileCodec.person(entry, "", problems);
        if (read.username() != null && !read.username().equals(before.username())) {
            problems.add(InputProblem.of("username", "directory.usernameChange", "a person keeps their username",
                    before.username()));
        }
        PersonDetails asked = new PersonDetails(before.username(), read.fullName(), read.title(), read.body(),
                read.email(), read.roles(), read.enabled(), read.bodySince());
        Map<String, BodyView> directory = all();
        problems.addAll(DirectoryRules.checkPeople(List.of(asked), directory, i -> ""));
        PersonDetails after = placed(before, asked, directory, "", problems);
        refuseIf(problems, "Invalid person");
        if (!after.equals(before)) {
            writePerson(before, after, actor);
        }
        return after;
    }

    /**
     * The person with the day their body starts: a move (a new body) is from the day given, or today
     * when none is given or it is the old body's; never a later day, not before the former body's
     * day, and only to a body that exists on it. A new person likewise, from the day given (or none).
     */
    private PersonDetails placed(PersonDetails before, PersonDetails after, Map<String, BodyView> directory,
                                 String p, List<InputProblem> problems) {
        LocalDate today = LocalDate.now(clock);
        boolean moves = before != null && after.body() != null && !after.body().equals(before.body());
        LocalDate since = after.bodySince();
        if (moves && (since == null || since.equals(before.bodySince()))) {
            since = today;
        }
        if (since != null && since.isAfter(today)) {
            problems.add(InputProblem.of(p + "bodySince", "directory.moveInFuture",
                    "a move is recorded from today or an earlier day, not " + since, since));
        } else if (moves && before.bodySince() != null && !since.isAfter(before.bodySince())) {
            problems.add(InputProblem.of(p + "bodySince", "directory.moveBeforeSince", "the move must come after "
                    + before.bodySince() + ", since when the person works for " + before.body(), before.bodySince(),
                    before.body()));
        }
        BodyView body = after.body() == null ? null : directory.get(after.body());
        if (body != null && (moves || before == null) && !body.isActiveOn(since == null ? today : since)) {
            problems.add(InputProblem.of(p + "body", "directory.bodyNotActive", "\"" + body.code()
                    + "\" does not exist on " + (since == null ? today : since), body.code(),
                    since == null ? today : since));
        }
        return new PersonDetails(after.username(), after.fullName(), after.title(), after.body(), after.email(),
                after.roles(), after.enabled(), since);
    }

    private void writePerson(PersonDetails before, PersonDetails after, String actor) {
        String action;
        if (before == null) {
            PersonEntity created = new PersonEntity(after.username(), after.fullName(), after.title(), after.body(),
                    after.email(), Accounts.NO_PASSWORD, after.roles());
            created.setBodySince(after.bodySince());
            created.setEnabled(after.enabled());
            people.save(created);
            action = "CREATED";
        } else {
            PersonEntity entity = people.findById(before.username()).orElseThrow();
            entity.change(after.fullName(), after.title(), after.email(), after.roles());
            if (!after.body().equals(before.body())) {
                journal.formerBody(before.username(), before.body(), before.bodySince(),
                        after.bodySince().minusDays(1), actor);
                entity.moveTo(after.body(), after.bodySince());
            } else {
                entity.setBodySince(after.bodySince());
            }
            entity.setEnabled(after.enabled());
            action = before.enabled() != after.enabled() ? (after.enabled() ? "REACTIVATED" : "DEACTIVATED")
                    : !after.body().equals(before.body()) ? "MOVED" : "CHANGED";
        }
        journal.record(actor, DirectoryJournal.PERSON, after.username(), action,
                before == null ? null : DirectoryFileCodec.node(before), DirectoryFileCodec.node(after));
        events.publishEvent(new PersonSaved(after.username(), after.fullName(), after.body(), after.roles()));
    }

    // ---- the file --------------------------------------------------------------------------

    /** The whole directory as a file: every body, then every person (without passwords). */
    public byte[] export() {
        List<BodyView> all = bodies.findAll().stream().map(BodyEntity::toView)
                .sorted(java.util.Comparator.comparing(BodyView::level).thenComparing(BodyView::code)).toList();
        return DirectoryFileCodec.write(new DirectoryFile(all, people()));
    }

    /**
     * Imports a directory file: every body and person it gives is added or changed in place (what
     * it leaves out stays as it is). Every problem is found and named by its path; with any, or in a
     * dry run, nothing is written. Otherwise all is written in one transaction.
     */
    @Transactional
    public ImportResult importFile(byte[] content, boolean dryRun, String actor) {
        DirectoryFileCodec.Parsed parsed = DirectoryFileCodec.read(content);
        List<InputProblem> problems = new ArrayList<>(parsed.problems());
        DirectoryFile file = parsed.file();
        Map<String, BodyView> stored = all();
        Map<String, BodyView> result = DirectoryRules.overlay(stored, file.bodies());
        problems.addAll(DirectoryRules.checkBodies(file.bodies(), result, i -> "bodies[" + i + "]."));
        problems.addAll(DirectoryRules.checkPeople(file.people(), result, i -> "people[" + i + "]."));

        Part bodyPart = new Part();
        Map<String, BodyView> bodyBefore = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (BodyView body : file.bodies()) {
            if (body.code() == null || !seen.add(body.code())) {
                continue;
            }
            BodyView before = stored.get(body.code());
            bodyPart.sort(body.code(), before == null ? 0 : same(before, body) ? 2 : 1);
            bodyBefore.put(body.code(), before);
        }
        Map<String, PersonDetails> storedPeople = people().stream()
                .collect(Collectors.toMap(PersonDetails::username, Function.identity()));
        Part personPart = new Part();
        List<PersonDetails[]> personChanges = new ArrayList<>();
        seen.clear();
        for (int i = 0; i < file.people().size(); i++) {
            PersonDetails person = file.people().get(i);
            if (person.username() == null || !seen.add(person.username())) {
                continue;
            }
            PersonDetails before = storedPeople.get(person.username());
            if (before != null && before.equals(person)) {
                personPart.sort(person.username(), 2);
                continue;
            }
            PersonDetails after = placed(before, person, result, "people[" + i + "].", problems);
            personPart.sort(person.username(), before == null ? 0 : before.equals(after) ? 2 : 1);
            if (!after.equals(before)) {
                personChanges.add(new PersonDetails[] {before, after});
            }
        }
        problems.sort(java.util.Comparator.comparing(DirectoryAdmin::entryOf).thenComparing(InputProblem::path)
                .thenComparing(InputProblem::message));
        ImportResult answer = new ImportResult(dryRun, !dryRun && problems.isEmpty(), bodyPart.done(),
                personPart.done(), List.copyOf(problems));
        if (!answer.written()) {
            return answer;
        }
        for (BodyView body : file.bodies()) {
            if (bodyBefore.containsKey(body.code()) && bodyBefore.get(body.code()) == null
                    && !bodies.existsById(body.code())) {
                bodies.save(new BodyEntity(new BodyView(body.code(), body.name(), body.shortName(), body.kind(),
                        body.level(), null, body.register(), body.validFrom(), body.validTo(), List.of(), List.of())));
            }
        }
        bodies.flush();
        for (Map.Entry<String, BodyView> e : bodyBefore.entrySet()) {
            BodyView after = result.get(e.getKey());
            if (e.getValue() == null || !same(e.getValue(), after)) {
                bodies.findById(e.getKey()).orElseThrow().update(after);
                recordBody(e.getValue(), after, actor);
            }
        }
        bodies.flush();
        personChanges.forEach(change -> writePerson(change[0], change[1], actor));
        return answer;
    }

    private static final java.util.regex.Pattern ENTRY = java.util.regex.Pattern.compile("^(bodies|people)\\[(\\d+)]");

    /** Problems in the file's order: the file's own first, then bodies, then people, each by its entry. */
    private static long entryOf(InputProblem problem) {
        java.util.regex.Matcher m = ENTRY.matcher(problem.path());
        if (!m.find()) {
            return -1;
        }
        return (m.group(1).equals("bodies") ? 0L : 1L << 32) + Long.parseLong(m.group(2));
    }

    /** Added (0), changed (1), unchanged (2), each in the file's order. */
    private static final class Part {
        private final List<List<String>> lists = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());

        void sort(String key, int which) {
            lists.get(which).add(key);
        }

        ImportResult.Part done() {
            return new ImportResult.Part(List.copyOf(lists.get(0)), List.copyOf(lists.get(1)),
                    List.copyOf(lists.get(2)));
        }
    }

    // ---- shared ----------------------------------------------------------------------------

    /** Two records of a body say the same, whatever order the database gives members and successors in. */
    static boolean same(BodyView a, BodyView b) {
        return Objects.equals(a.code(), b.code()) && Objects.equals(a.name(), b.name())
                && Objects.equals(a.shortName(), b.shortName()) && a.kind() == b.kind() && a.level() == b.level()
                && Objects.equals(a.parent(), b.parent()) && Objects.equals(a.register(), b.register())
                && Objects.equals(a.validFrom(), b.validFrom()) && Objects.equals(a.validTo(), b.validTo())
                && Set.copyOf(a.successors()).equals(Set.copyOf(b.successors()))
                && a.successors().size() == b.successors().size()
                && Set.copyOf(a.members()).equals(Set.copyOf(b.members())) && a.members().size() == b.members().size();
    }

    private Map<String, BodyView> all() {
        Map<String, BodyView> all = new LinkedHashMap<>();
        bodies.findAll().forEach(b -> all.put(b.getCode(), b.toView()));
        return all;
    }

    private BodyView stored(String code) {
        return bodies.findById(code).map(BodyEntity::toView)
                .orElseThrow(() -> new NotFoundException("No body " + code));
    }

    private PersonDetails storedPerson(String username) {
        return person(username).orElseThrow(() -> new NotFoundException("No person " + username));
    }

    private static PersonDetails details(PersonEntity p) {
        return new PersonDetails(p.getUsername(), p.getFullName(), p.getTitle(), p.getBodyCode(), p.getEmail(),
                Set.copyOf(p.getRoles()), p.isEnabled(), p.getBodySince());
    }

    private static InputProblem withPath(InputProblem problem, String path) {
        return new InputProblem(path, problem.message(), problem.code(), problem.arguments());
    }

    private static void refuseIf(List<InputProblem> problems, String title) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(title, problems);
        }
    }
}
