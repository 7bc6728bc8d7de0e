package vn.ttdn.directory;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.ttdn.directory.DirectoryListing.Group;
import vn.ttdn.directory.DirectoryListing.Province;
import vn.ttdn.directory.DirectoryListing.Row;
import vn.ttdn.directory.DirectoryListing.SuccessorLine;

/** Filters and groups the directory for its page. Searching ignores case and Vietnamese accents. */
final class DirectoryListings {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final Pattern PROVINCE_COMMITTEE =
            Pattern.compile("^(?:Ủy|Uỷ) ban nhân dân ((?:tỉnh|thành phố) .+)$");

    private DirectoryListings() {
    }

    static DirectoryListing build(List<BodyView> all, String query, String province, BodyLevel level,
                                  LocalDate today) {
        Map<String, BodyView> byCode = all.stream().collect(Collectors.toMap(BodyView::code, Function.identity()));
        Map<String, Province> provinces = provinces(all);
        String needle = query == null ? "" : fold(query.trim());
        String key = province == null || province.isBlank() ? null : province.trim();
        String prefixFilter = DirectoryListing.CENTRAL_KEY.equals(key) ? "" : key;
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        provinces.keySet().forEach(prefix -> rows.put(prefix, new ArrayList<>()));
        int shown = 0;
        for (BodyView body : all) {
            String prefix = prefixOf(body.code());
            if ((prefixFilter != null && !prefixFilter.equals(prefix)) || (level != null && body.level() != level)
                    || (!needle.isEmpty() && !fold(body.code() + " " + body.name() + " "
                    + Optional.ofNullable(body.shortName()).orElse("")).contains(needle))) {
                continue;
            }
            rows.get(prefix).add(row(body, byCode, today));
            shown++;
        }
        List<Group> groups = rows.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new Group(provinces.get(e.getKey()), List.copyOf(e.getValue()))).toList();
        return new DirectoryListing(query == null ? "" : query.trim(), key, level,
                List.copyOf(provinces.values()), groups, shown, all.size());
    }

    /** The province prefix of a code ("QNG-STTTT" → "QNG"); "" for central bodies ("BTTTT"). */
    static String prefixOf(String code) {
        int dash = code.indexOf('-');
        return dash < 0 ? "" : code.substring(0, dash);
    }

    /** Lower case without accents: "Sở Thông tin" and "so thong tin" match. */
    static String fold(String text) {
        String lower = text.toLowerCase(VI).replace('đ', 'd');
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** Central bodies first, then provinces by prefix, each named after its provincial People's Committee. */
    private static Map<String, Province> provinces(List<BodyView> all) {
        Map<String, List<BodyView>> byPrefix = all.stream()
                .collect(Collectors.groupingBy(b -> prefixOf(b.code()), TreeMap::new, Collectors.toList()));
        Map<String, Province> provinces = new LinkedHashMap<>();
        byPrefix.forEach((prefix, bodies) -> provinces.put(prefix,
                new Province(prefix, prefix.isEmpty() ? null : label(prefix, bodies))));
        return provinces;
    }

    private static String label(String prefix, List<BodyView> bodies) {
        return bodies.stream().filter(b -> b.kind() == BodyKind.PEOPLES_COMMITTEE)
                .sorted(Comparator.comparing(BodyView::level))
                .map(b -> PROVINCE_COMMITTEE.matcher(b.name())).filter(Matcher::matches)
                .map(m -> m.group(1)).findFirst()
                .map(place -> place.substring(0, 1).toUpperCase(VI) + place.substring(1))
                .orElse(prefix);
    }

    private static Row row(BodyView body, Map<String, BodyView> byCode, LocalDate today) {
        return new Row(body, body.parent() == null ? null : ref(body.parent(), byCode),
                body.successors().stream().map(s -> new SuccessorLine(ref(s.code(), byCode), s.relation())).toList(),
                body.members().stream().map(code -> member(code, byCode)).toList(),
                body.validTo() != null && body.validTo().isBefore(today),
                body.validFrom() != null && body.validFrom().isAfter(today));
    }

    private static DirectoryListing.Member member(String code, Map<String, BodyView> byCode) {
        BodyView body = byCode.get(code);
        if (body == null) {
            return new DirectoryListing.Member(code, code, code);
        }
        return new DirectoryListing.Member(code, body.shortName() != null ? body.shortName() : body.name(), body.name());
    }

    private static BodyRef ref(String code, Map<String, BodyView> byCode) {
        BodyView body = byCode.get(code);
        return body == null ? new BodyRef(code, code) : body.ref();
    }
}
