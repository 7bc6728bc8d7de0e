package vn.ttdn.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.directory.internal.BodyEntity;
import vn.ttdn.directory.internal.BodyRepository;
import vn.ttdn.directory.internal.PersonEntity;
import vn.ttdn.directory.internal.PersonRepository;

/** The directory's door: bodies, people and accounts. */
@Service
@Transactional(readOnly = true)
public class DirectoryService {

    /** The home of the system's own administrators, supervisors and auditors (made with the first administrator). */
    public static final String SYSTEM_BODY = "QTHT";

    private static final Comparator<BodyView> DIRECTORY_ORDER =
            Comparator.comparing(BodyView::level).thenComparing(BodyView::code);

    private final BodyRepository bodies;
    private final PersonRepository people;
    private final ApplicationEventPublisher events;

    DirectoryService(BodyRepository bodies, PersonRepository people, ApplicationEventPublisher events) {
        this.bodies = bodies;
        this.people = people;
        this.events = events;
    }

    public List<BodyView> bodies() {
        return bodies.findAll().stream().map(BodyEntity::toView).sorted(DIRECTORY_ORDER).toList();
    }

    public Optional<BodyView> body(String code) {
        return bodies.findById(code).map(BodyEntity::toView);
    }

    /** The bodies with these codes, by code, in the order asked; unknown codes are left out. */
    public Map<String, BodyView> bodies(Collection<String> codes) {
        Map<String, BodyView> found = bodies.findAllById(Set.copyOf(codes)).stream()
                .map(BodyEntity::toView).collect(Collectors.toMap(BodyView::code, Function.identity()));
        Map<String, BodyView> ordered = new LinkedHashMap<>();
        codes.stream().filter(found::containsKey).forEach(code -> ordered.put(code, found.get(code)));
        return ordered;
    }

    /** The codes among these that the directory does not know. */
    public Set<String> unknownCodes(Collection<String> codes) {
        Set<String> unknown = new HashSet<>(codes);
        if (!codes.isEmpty()) {
            bodies.findExistingCodes(Set.copyOf(codes)).forEach(unknown::remove);
        }
        return unknown;
    }

    /**
     * The codes a document may name the body by: the body itself, the bodies it succeeded (a 2024
     * plan names the Sở TT&TT whose work the Sở VHTTDL took over), and every collective that names
     * any of them.
     */
    public Set<String> designationsOf(String code) {
        Set<String> named = new HashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(code));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (named.add(next)) {
                todo.addAll(bodies.findPredecessors(next));
            }
        }
        Set<String> codes = new HashSet<>(named);
        named.forEach(c -> codes.addAll(bodies.findCollectivesContaining(c)));
        return codes;
    }

    /**
     * The bodies a list of addressees stands for: a collective ("Các sở, ban, ngành") by its members,
     * any other body by itself; in order, each once.
     */
    public Set<String> expandCollectives(Collection<String> codes) {
        Set<String> expanded = new java.util.LinkedHashSet<>();
        for (BodyView body : bodies(codes).values()) {
            if (body.kind() == BodyKind.COLLECTIVE) {
                expanded.addAll(body.members());
            } else {
                expanded.add(body.code());
            }
        }
        return expanded;
    }

    /**
     * Who stands for each of these bodies on a day: collectives expanded to their members, each body
     * that has ended replaced by the successor its work passed to (following the chain of ends:
     * a function transferred first, then renamed, merged into, dissolved into), each once, in order.
     * A body that ended with no successor active on that day is left out.
     */
    public List<Standing> standingOn(Collection<String> codes, java.time.LocalDate day) {
        Map<String, Standing> found = new LinkedHashMap<>();
        standingEach(codes, day).values().forEach(list -> list.forEach(s -> found.putIfAbsent(s.body().code(), s)));
        return List.copyOf(found.values());
    }

    /**
     * The same for each code on its own, in one read of the directory: for every code named, who
     * stands for it (a collective: for each of its members), in order.
     */
    public Map<String, List<Standing>> standingEach(Collection<String> codes, java.time.LocalDate day) {
        Map<String, BodyView> all = bodies.findAll().stream().map(BodyEntity::toView)
                .collect(Collectors.toMap(BodyView::code, Function.identity()));
        Map<String, List<Standing>> each = new LinkedHashMap<>();
        for (String code : codes) {
            BodyView named = all.get(code);
            if (named == null || each.containsKey(code)) {
                continue;
            }
            Map<String, Standing> found = new LinkedHashMap<>();
            List<String> members = named.kind() == BodyKind.COLLECTIVE ? named.members() : List.of(code);
            for (String member : members) {
                BodyView body = all.get(member);
                BodyView acting = body == null ? null : actingOn(body, day, all, new HashSet<>());
                if (acting != null && !found.containsKey(acting.code())) {
                    found.put(acting.code(), new Standing(acting, acting.code().equals(member) ? null : body));
                }
            }
            each.put(code, List.copyOf(found.values()));
        }
        return each;
    }

    /** Who stands for one body on a day, if anyone does. */
    public Optional<Standing> standingOn(String code, java.time.LocalDate day) {
        return standingOn(List.of(code), day).stream().findFirst();
    }

    /**
     * Whether a person of {@code personBody} acts for {@code namedBody} on a day: it is their body,
     * or that body has ended and theirs is the successor standing for it (a Sở VHTTDL officer finishes
     * the report the merged Sở TT&TT had open).
     */
    public boolean actsFor(String personBody, String namedBody, java.time.LocalDate day) {
        if (personBody == null || namedBody == null) {
            return false;
        }
        if (personBody.equals(namedBody)) {
            return true;
        }
        return body(namedBody).filter(b -> !b.isActiveOn(day)).flatMap(b -> standingOn(namedBody, day))
                .map(s -> s.body().code().equals(personBody)).orElse(false);
    }

    private static BodyView actingOn(BodyView body, java.time.LocalDate day, Map<String, BodyView> all,
                                     Set<String> seen) {
        if (body.isActiveOn(day)) {
            return body;
        }
        if (!seen.add(body.code())) {
            return null;
        }
        return body.successors().stream()
                .sorted(Comparator.comparing(s -> SUCCESSION_ORDER.indexOf(s.relation())))
                .map(s -> all.get(s.code())).filter(java.util.Objects::nonNull)
                .map(s -> actingOn(s, day, all, seen)).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    private static final List<SuccessorRelation> SUCCESSION_ORDER = List.of(SuccessorRelation.FUNCTION_TRANSFERRED,
            SuccessorRelation.RENAMED, SuccessorRelation.MERGED_INTO, SuccessorRelation.DISSOLVED_INTO);

    /** Every body under this one (its children, theirs, and so on), ended ones included. */
    public Set<String> bodiesUnder(String code) {
        Map<String, List<String>> children = new HashMap<>();
        for (BodyView b : bodies()) {
            if (b.parent() != null) {
                children.computeIfAbsent(b.parent(), k -> new ArrayList<>()).add(b.code());
            }
        }
        Set<String> under = new LinkedHashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(children.getOrDefault(code, List.of()));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (under.add(next)) {
                todo.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return under;
    }

    public Optional<String> officeOf(String code) {
        return bodies.findFirstByKindAndParentCodeOrderByCode(BodyKind.OFFICE, code).map(b -> b.toView().code());
    }

    public Optional<Account> account(String username) {
        return people.findById(username).map(PersonEntity::toAccount);
    }

    public Optional<PersonView> person(String username) {
        return people.findById(username).map(p -> new PersonView(p.getUsername(), p.getFullName(), p.getTitle(),
                bodies.findById(p.getBodyCode()).orElseThrow().toView().ref(), Set.copyOf(p.getRoles())));
    }

    /** The e-mail addresses of the enabled people of these bodies (those who gave one). */
    public List<String> emailsIn(Collection<String> bodyCodes) {
        return bodyCodes.isEmpty() ? List.of() : people.findByBodyCodeIn(Set.copyOf(bodyCodes)).stream()
                .filter(p -> p.isEnabled() && p.getEmail() != null && !p.getEmail().isBlank())
                .map(PersonEntity::getEmail).distinct().sorted().toList();
    }

    /** The e-mail addresses of the enabled people of these bodies who hold one of these roles. */
    public List<String> emailsIn(Collection<String> bodyCodes, Set<Role> roles) {
        return bodyCodes.isEmpty() ? List.of() : people.findByBodyCodeIn(Set.copyOf(bodyCodes)).stream()
                .filter(p -> p.isEnabled() && p.getEmail() != null && !p.getEmail().isBlank())
                .filter(p -> p.getRoles().stream().anyMatch(roles::contains))
                .map(PersonEntity::getEmail).distinct().sorted().toList();
    }

    /** The full names of these people (those that exist), by username, in one query (for lists). */
    public Map<String, String> fullNames(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        if (!usernames.isEmpty()) {
            people.findFullNames(Set.copyOf(usernames)).forEach(row -> names.put((String) row[0], (String) row[1]));
        }
        return names;
    }

    /** The names of these bodies (those that exist), by code, in one query (for lists). */
    public Map<String, String> bodyNames(Collection<String> codes) {
        Map<String, String> names = new HashMap<>();
        if (!codes.isEmpty()) {
            bodies.findNames(Set.copyOf(codes)).forEach(row -> names.put((String) row[0], (String) row[1]));
        }
        return names;
    }

    /** These people (those that exist), in one query. */
    public List<PersonView> people(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        List<PersonEntity> found = people.findAllById(Set.copyOf(usernames));
        Map<String, BodyView> byCode = bodies(found.stream().map(PersonEntity::getBodyCode).distinct().toList());
        return found.stream().map(p -> new PersonView(p.getUsername(), p.getFullName(), p.getTitle(),
                byCode.get(p.getBodyCode()).ref(), Set.copyOf(p.getRoles()))).toList();
    }

    /** The roles the enabled people of these bodies hold, by body; a body no enabled person works for is left out. */
    public Map<String, Set<Role>> rolesHeldIn(Collection<String> bodyCodes) {
        Map<String, Set<Role>> held = new LinkedHashMap<>();
        if (!bodyCodes.isEmpty()) {
            people.findByBodyCodeIn(Set.copyOf(bodyCodes)).stream().filter(PersonEntity::isEnabled).forEach(p ->
                    held.computeIfAbsent(p.getBodyCode(), code -> java.util.EnumSet.noneOf(Role.class))
                            .addAll(p.getRoles()));
        }
        return held;
    }

    public List<PersonView> people() {
        Map<String, BodyView> byCode = bodies.findAll().stream().map(BodyEntity::toView)
                .collect(Collectors.toMap(BodyView::code, Function.identity()));
        return people.findAll().stream()
                .sorted(Comparator.comparing(PersonEntity::getBodyCode).thenComparing(PersonEntity::getUsername))
                .map(p -> new PersonView(p.getUsername(), p.getFullName(), p.getTitle(),
                        byCode.get(p.getBodyCode()).ref(), Set.copyOf(p.getRoles())))
                .toList();
    }

    /**
     * Creates or updates bodies. References between them (parent, successors, members) may point
     * forwards in the list: every body is written first, the references after.
     */
    @Transactional
    public void saveBodies(List<BodyView> views) {
        for (BodyView view : views) {
            if (!bodies.existsById(view.code())) {
                bodies.save(new BodyEntity(new BodyView(view.code(), view.name(), view.shortName(), view.kind(),
                        view.level(), null, view.register(), view.validFrom(), view.validTo(), List.of(), List.of())));
            }
        }
        bodies.flush();
        for (BodyView view : views) {
            bodies.findById(view.code()).orElseThrow().update(view);
        }
    }

    /** Creates a person, or replaces the one with that username. */
    @Transactional
    public void savePerson(String username, String fullName, String title, String bodyCode, String email,
                           String passwordHash, Set<Role> roles) {
        people.findById(username).ifPresentOrElse(
                existing -> existing.update(fullName, title, bodyCode, email, passwordHash, roles),
                () -> people.save(new PersonEntity(username, fullName, title, bodyCode, email, passwordHash, roles)));
        events.publishEvent(new PersonSaved(username, fullName, bodyCode, Set.copyOf(roles)));
    }
}
