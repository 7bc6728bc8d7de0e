package vn.ttdn.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.ttdn.directory.DirectoryListing.Group;
import vn.ttdn.directory.DirectoryListing.Row;
import vn.ttdn.support.DirectoryFixtures;

class DirectoryListingsTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 9, 1);

    @Test
    void groupsBodiesByProvinceNamedAfterItsPeoplesCommitteeCentralFirst() {
        DirectoryListing listing = DirectoryListings.build(DirectoryFixtures.ALL, null, null, null, TODAY);

        assertThat(listing.groups()).extracting(g -> g.province().prefix()).containsExactly("", "NTH", "PRTC", "QNG");
        assertThat(listing.provinces()).extracting(DirectoryListing.Province::label)
                .containsExactly(null, "NTH", "Thành phố Phan Rang - Tháp Chàm", "Tỉnh Quảng Ngãi");
        assertThat(listing.shown()).isEqualTo(DirectoryFixtures.ALL.size());
        assertThat(listing.total()).isEqualTo(DirectoryFixtures.ALL.size());
    }

    @Test
    void textFilterIgnoresCaseAndVietnameseAccents() {
        DirectoryListing listing = DirectoryListings.build(DirectoryFixtures.ALL, "  so THONG tin ", null, null, TODAY);

        assertThat(listing.groups()).flatExtracting(Group::bodies).extracting(r -> r.body().code())
                .containsExactly("QNG-STTTT");
        assertThat(listing.query()).isEqualTo("so THONG tin");
        assertThat(DirectoryListings.fold("Đắk Lắk")).isEqualTo("dak lak");
    }

    @Test
    void provinceAndLevelFiltersCombine() {
        DirectoryListing central = DirectoryListings.build(DirectoryFixtures.ALL, null, DirectoryListing.CENTRAL_KEY,
                null, TODAY);
        DirectoryListing districts = DirectoryListings.build(DirectoryFixtures.ALL, "", "QNG", BodyLevel.DISTRICT,
                TODAY);

        assertThat(central.groups()).flatExtracting(Group::bodies).extracting(r -> r.body().code())
                .containsExactly("BTTTT", "BVHTTDL");
        assertThat(districts.groups()).flatExtracting(Group::bodies).extracting(r -> r.body().code())
                .containsExactly("QNG-UBND-HUYEN");
    }

    @Test
    void formerBodiesAreMarkedAndNameTheirSuccessorsAndMembers() {
        DirectoryListing listing = DirectoryListings.build(DirectoryFixtures.ALL, null, "QNG", null, TODAY);
        Row stttt = row(listing, "QNG-STTTT");
        Row sbn = row(listing, "QNG-SBN");

        assertThat(stttt.former()).isTrue();
        assertThat(stttt.parent().name()).isEqualTo("Ủy ban nhân dân tỉnh Quảng Ngãi");
        assertThat(stttt.successors()).singleElement().satisfies(s -> {
            assertThat(s.relation()).isEqualTo(SuccessorRelation.FUNCTION_TRANSFERRED);
            assertThat(s.body().name()).isEqualTo("Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi");
        });
        assertThat(row(listing, "QNG-UBND").former()).isFalse();
        assertThat(sbn.members()).extracting(DirectoryListing.Member::label)
                .containsExactly("Sở Thông tin và Truyền thông", "Sở Văn hóa, Thể thao và Du lịch");
    }

    private static Row row(DirectoryListing listing, String code) {
        return listing.groups().stream().flatMap(g -> g.bodies().stream())
                .filter(r -> r.body().code().equals(code)).findFirst().orElseThrow();
    }
}
